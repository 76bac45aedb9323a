package io.proxima.dns;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordDecoder;
import io.netty.handler.codec.dns.DnsRecordType;

/**
 * Decodes the question for Netty's query decoders, more strictly and more cheaply than Netty's
 * default, which runs every name through IDN conversion. Other records (the OPT record) go to
 * Netty's default decoder.
 *
 * <pre>
 *   QNAME:  length octet, label octets ... 0      (RFC 1035 section 4.1.2)
 *   QTYPE:  16 bits
 *   QCLASS: 16 bits
 * </pre>
 *
 * A name is refused as malformed, and so answered with FORMERR, when it is not a plain sequence of
 * labels: a compression pointer (a query's only name has nothing earlier to point to), a label
 * longer than {@value DomainName#MAX_LABEL}, more than {@value DomainName#MAX_WIRE} octets, or an
 * octet outside printable ASCII or a dot inside a label. None of those can name anything in the
 * zone, and rejecting them keeps every name this responder handles representable as text.
 */
final class QuestionDecoder implements DnsRecordDecoder {

    static final QuestionDecoder INSTANCE = new QuestionDecoder();
    private static final int FIXED_OCTETS = 4;
    private static final int FIRST_PRINTABLE = 0x21;
    private static final int LAST_PRINTABLE = 0x7E;

    private QuestionDecoder() {
    }

    @Override
    public DnsQuestion decodeQuestion(ByteBuf in) {
        int start = in.readerIndex();
        int end = in.writerIndex();
        int pos = start;
        StringBuilder name = new StringBuilder(32);
        while (true) {
            if (pos >= end) throw new CorruptedFrameException("question name runs past the message");
            int len = in.getUnsignedByte(pos++);
            if (len == 0) break;
            if (len > DomainName.MAX_LABEL) throw new CorruptedFrameException("label type or length " + len + " in a question");
            if (pos + len > end) throw new CorruptedFrameException("label runs past the message");
            if (pos + len - start + 1 > DomainName.MAX_WIRE) throw new CorruptedFrameException("name longer than " + DomainName.MAX_WIRE + " octets");
            for (int i = 0; i < len; i++) {
                int c = in.getUnsignedByte(pos + i);
                if (c < FIRST_PRINTABLE || c > LAST_PRINTABLE || c == '.') throw new CorruptedFrameException("octet " + c + " in a label");
                name.append((char) c);
            }
            name.append('.');
            pos += len;
        }
        if (end - pos < FIXED_OCTETS) throw new CorruptedFrameException("question ends before QTYPE and QCLASS");
        byte[] wire = new byte[pos - start];
        in.getBytes(start, wire);
        int type = in.getUnsignedShort(pos);
        int dnsClass = in.getUnsignedShort(pos + 2);
        in.readerIndex(pos + FIXED_OCTETS);
        return new QueryQuestion(name.isEmpty() ? DomainName.ROOT : name.toString(), DnsRecordType.valueOf(type), dnsClass, wire);
    }

    @Override
    public <T extends DnsRecord> T decodeRecord(ByteBuf in) throws Exception {
        return DnsRecordDecoder.DEFAULT.decodeRecord(in);
    }
}
