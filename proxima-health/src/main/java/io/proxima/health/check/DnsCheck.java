package io.proxima.health.check;

import java.util.Objects;
import java.util.Optional;

/**
 * Ask {@code server} one question and require {@code expectedRcode} and, if set, an answer record
 * whose data (as text) matches {@code answerRegex}. A truncated UDP answer is asked again over TCP
 * (RFC 7766 section 5).
 *
 * @param requestNsid send an EDNS(0) NSID option (RFC 5001) and report the server's identifier
 */
public record DnsCheck(String server, int port, String name, DnsType type, DnsClass dnsClass, Transport transport,
                       Rcode expectedRcode, Optional<String> answerRegex, boolean requestNsid, Timing timing)
        implements CheckSpec {

    public static final int DEFAULT_PORT = 53;
    /** RFC 1035 section 2.3.4. */
    public static final int MAX_LABEL = 63;
    public static final int MAX_NAME = 255;

    public DnsCheck {
        Validation.host("dns", server);
        Validation.port("dns", port);
        Objects.requireNonNull(name, "dns: name is required");
        checkName(name);
        Objects.requireNonNull(type, "dns: type is required");
        Objects.requireNonNull(dnsClass, "dns: class is required");
        Objects.requireNonNull(transport, "dns: transport is required");
        Objects.requireNonNull(expectedRcode, "dns: expected rcode is required");
        Validation.regex("dns", "answer regex", answerRegex);
        Validation.timing("dns", timing);
    }

    private static void checkName(String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (n.isEmpty()) return; // the root
        int wire = 1;
        for (String label : n.split("\\.", -1)) {
            if (label.isEmpty()) throw new IllegalArgumentException("dns: name has an empty label: '" + name + "'");
            if (label.length() > MAX_LABEL) throw new IllegalArgumentException("dns: label longer than " + MAX_LABEL + " in '" + name + "'");
            wire += label.length() + 1;
        }
        if (wire > MAX_NAME) throw new IllegalArgumentException("dns: name longer than " + MAX_NAME + " octets");
    }

    public enum Transport { UDP, TCP }

    /** The query types a health check asks for (RFC 1035 section 3.2.2, RFC 3596). */
    public enum DnsType {
        A(1), NS(2), CNAME(5), SOA(6), PTR(12), MX(15), TXT(16), AAAA(28), SRV(33), ANY(255);

        public final int code;

        DnsType(int code) {
            this.code = code;
        }
    }

    /** RFC 1035 section 3.2.4; CH carries id.server and version.bind (RFC 4892). */
    public enum DnsClass {
        IN(1), CH(3), HS(4);

        public final int code;

        DnsClass(int code) {
            this.code = code;
        }
    }

    /** RFC 1035 section 4.1.1 and RFC 6895 section 2.3. */
    public enum Rcode {
        NOERROR(0), FORMERR(1), SERVFAIL(2), NXDOMAIN(3), NOTIMP(4), REFUSED(5), YXDOMAIN(6), YXRRSET(7), NXRRSET(8),
        NOTAUTH(9), NOTZONE(10), BADVERS(16);

        public final int code;

        Rcode(int code) {
            this.code = code;
        }

        /** The mnemonic for {@code code}, or "RCODE n" for one without. */
        public static String name(int code) {
            for (Rcode r : values()) if (r.code == code) return r.name();
            return "RCODE " + code;
        }
    }
}
