package io.proxima.health.probe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a query with one question (RFC 1035 section 4.1), and an EDNS(0) OPT record carrying an
 * empty NSID option when asked (RFC 6891 section 6.1.2, RFC 5001 section 2.1).
 *
 * <pre>
 *   0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * |                      ID                       |
 * |QR|   Opcode  |AA|TC|RD|RA|   Z    |   RCODE   |
 * |                    QDCOUNT = 1                |
 * |                    ANCOUNT = 0                |
 * |                    NSCOUNT = 0                |
 * |                    ARCOUNT = 0 or 1 (OPT)     |
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * QNAME (labels) | QTYPE | QCLASS [| OPT RR]
 * </pre>
 */
final class DnsQuery {

    /** RD set: a resolver under check recurses, an authoritative server ignores it. */
    static final int FLAGS_RD = 0x0100;
    static final int TYPE_OPT = 41;
    static final int OPTION_NSID = 3;
    /** The UDP payload size we advertise: the DNS Flag Day 2020 value, safe from fragmentation. */
    static final int EDNS_UDP_SIZE = 1232;

    private DnsQuery() {}

    static byte[] encode(int id, String name, int type, int dnsClass, boolean nsid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, id);
        u16(out, FLAGS_RD);
        u16(out, 1);
        u16(out, 0);
        u16(out, 0);
        u16(out, nsid ? 1 : 0);
        name(out, name);
        u16(out, type);
        u16(out, dnsClass);
        if (nsid) {
            out.write(0); // root owner name
            u16(out, TYPE_OPT);
            u16(out, EDNS_UDP_SIZE); // CLASS carries the requestor's UDP payload size
            u16(out, 0); // TTL: extended RCODE 0, version 0
            u16(out, 0); // TTL: DO clear, Z 0
            u16(out, 4); // RDLENGTH: one option header
            u16(out, OPTION_NSID);
            u16(out, 0); // "the requestor MUST send the NSID option with an empty payload" (RFC 5001 2.1)
        }
        return out.toByteArray();
    }

    /** The name is validated by DnsCheck: labels of 1..63 octets, 255 octets in all. */
    private static void name(ByteArrayOutputStream out, String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (!n.isEmpty()) {
            for (String label : n.split("\\.")) {
                byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
                out.write(bytes.length);
                out.writeBytes(bytes);
            }
        }
        out.write(0);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write((v >>> 8) & 0xff);
        out.write(v & 0xff);
    }
}
