package io.proxima.dns;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DatagramDnsResponseDecoder;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsSection;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Hand-built query octets and a decoder for responses: what the tests send and read. */
final class Messages {

    static final int TYPE_A = 1, TYPE_NS = 2, TYPE_SOA = 6, TYPE_TXT = 16, TYPE_AAAA = 28, TYPE_ANY = 255, TYPE_AXFR = 252;
    static final int CLASS_IN = 1, CLASS_CH = 3;
    static final InetSocketAddress CLIENT = new InetSocketAddress(TestZones.address("192.0.2.7"), 40000);
    static final InetSocketAddress SERVER = new InetSocketAddress(TestZones.address("198.51.100.75"), 53);

    private Messages() {
    }

    /** An EDNS OPT record to append: payload size, version, DO bit, NSID option or not. */
    record Opt(int udpSize, int version, boolean dnssecOk, boolean nsid) {
        static final Opt PLAIN = new Opt(1232, 0, false, false);
        static final Opt NSID = new Opt(1232, 0, false, true);
    }

    /** A standard query, RD clear, with one question and the given OPT records. */
    static byte[] query(int id, String name, int type, int qclass, Opt... opts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        header(out, id, 0, 1, opts.length);
        question(out, name, type, qclass);
        for (Opt o : opts) opt(out, o);
        return out.toByteArray();
    }

    static void header(ByteArrayOutputStream out, int id, int flags, int qdcount, int arcount) {
        u16(out, id);
        u16(out, flags);
        u16(out, qdcount);
        u16(out, 0);
        u16(out, 0);
        u16(out, arcount);
    }

    static void question(ByteArrayOutputStream out, String name, int type, int qclass) {
        for (String label : name.split("\\.")) {
            if (label.isEmpty()) continue;
            byte[] b = label.getBytes(StandardCharsets.US_ASCII);
            out.write(b.length);
            out.writeBytes(b);
        }
        out.write(0);
        u16(out, type);
        u16(out, qclass);
    }

    static void opt(ByteArrayOutputStream out, Opt o) {
        out.write(0);
        u16(out, 41);
        u16(out, o.udpSize());
        out.write(0); // extended RCODE
        out.write(o.version());
        u16(out, o.dnssecOk() ? 0x8000 : 0);
        u16(out, o.nsid() ? 4 : 0);
        if (o.nsid()) {
            u16(out, 3);
            u16(out, 0);
        }
    }

    static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v & 0xFF);
    }

    /** Decodes response octets with Netty's response decoder; the caller releases the response. */
    static DnsResponse decode(ByteBuf octets) {
        EmbeddedChannel ch = new EmbeddedChannel(new DatagramDnsResponseDecoder());
        ch.writeInbound(new DatagramPacket(octets, CLIENT, SERVER));
        DnsResponse r = ch.readInbound();
        ch.finishAndReleaseAll();
        return r;
    }

    static DnsResponse decode(byte[] octets, int length) {
        return decode(Unpooled.wrappedBuffer(octets, 0, length));
    }

    /** The OPT record of a response, or null. */
    static DnsRawRecord opt(DnsResponse r) {
        for (int i = 0; i < r.count(DnsSection.ADDITIONAL); i++) {
            DnsRecord rec = r.recordAt(DnsSection.ADDITIONAL, i);
            if (rec.type() == DnsRecordType.OPT) return (DnsRawRecord) rec;
        }
        return null;
    }

    /** The first character-string of a TXT record. */
    static String txt(DnsRecord r) {
        ByteBuf c = ((DnsRawRecord) r).content();
        int len = c.getUnsignedByte(c.readerIndex());
        return c.toString(c.readerIndex() + 1, len, StandardCharsets.UTF_8);
    }
}
