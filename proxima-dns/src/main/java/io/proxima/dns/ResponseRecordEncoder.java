package io.proxima.dns;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordEncoder;

/**
 * Writes the records of a response for Netty's response encoders: a {@link StaticRecord} as the
 * octets it was built with, the question as the octets it arrived with, anything else through
 * Netty's default encoder. Names are not compressed, like Netty's own encoder, so the sizes the
 * handler computes are the sizes sent.
 */
final class ResponseRecordEncoder implements DnsRecordEncoder {

    static final ResponseRecordEncoder INSTANCE = new ResponseRecordEncoder();

    private ResponseRecordEncoder() {
    }

    @Override
    public void encodeQuestion(DnsQuestion question, ByteBuf out) throws Exception {
        if (question instanceof QueryQuestion q) {
            out.writeBytes(q.wireName());
            out.writeShort(q.type().intValue());
            out.writeShort(q.dnsClass());
        } else {
            DnsRecordEncoder.DEFAULT.encodeQuestion(question, out);
        }
    }

    @Override
    public void encodeRecord(DnsRecord record, ByteBuf out) throws Exception {
        if (record instanceof StaticRecord s) s.writeTo(out);
        else if (record instanceof DnsQuestion q) encodeQuestion(q, out);
        else DnsRecordEncoder.DEFAULT.encodeRecord(record, out);
    }

    /** Octets of the question on the wire: its name, QTYPE and QCLASS. */
    static int questionOctets(DnsQuestion q) {
        int name = q instanceof QueryQuestion qq ? qq.wireName().length : DomainName.wireLength(q.name());
        return name + 4;
    }
}
