package io.proxima.dns;

import io.netty.util.NetUtil;
import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;

/**
 * The data of one record, one variant per {@link RecordType}. Names inside are canonical and
 * absolute; on the wire they are written uncompressed, which RFC 3597 section 4 requires of any
 * type newer than RFC 1035 and which costs a handful of octets in a small zone.
 */
public sealed interface Rdata {

    RecordType type();

    /** The RDATA octets (RFC 1035 section 3.2.1), a fresh array. */
    byte[] wire();

    /** Master-file presentation, e.g. {@code 198.51.100.80}. */
    String text();

    /** RFC 1035 section 3.3.13. Times are seconds; all five numbers are unsigned 32-bit. */
    record Soa(String mname, String rname, long serial, long refresh, long retry, long expire, long minimum) implements Rdata {
        public Soa {
            Objects.requireNonNull(mname, "mname");
            Objects.requireNonNull(rname, "rname");
            for (long v : new long[] {serial, refresh, retry, expire, minimum}) {
                if (v < 0 || v > 0xFFFF_FFFFL) throw new IllegalArgumentException("SOA numbers are unsigned 32-bit: " + v);
            }
        }

        @Override
        public RecordType type() {
            return RecordType.SOA;
        }

        @Override
        public byte[] wire() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(DomainName.wire(mname));
            out.writeBytes(DomainName.wire(rname));
            for (long v : new long[] {serial, refresh, retry, expire, minimum}) {
                out.write((int) (v >>> 24));
                out.write((int) (v >>> 16));
                out.write((int) (v >>> 8));
                out.write((int) v);
            }
            return out.toByteArray();
        }

        @Override
        public String text() {
            return mname + " " + rname + " " + serial + " " + refresh + " " + retry + " " + expire + " " + minimum;
        }
    }

    /** RFC 1035 section 3.3.11. */
    record Ns(String host) implements Rdata {
        public Ns {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public RecordType type() {
            return RecordType.NS;
        }

        @Override
        public byte[] wire() {
            return DomainName.wire(host);
        }

        @Override
        public String text() {
            return host;
        }
    }

    /** RFC 1035 section 3.4.1. */
    record A(Inet4Address address) implements Rdata {
        public A {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public RecordType type() {
            return RecordType.A;
        }

        @Override
        public byte[] wire() {
            return address.getAddress();
        }

        @Override
        public String text() {
            return address.getHostAddress();
        }
    }

    /** RFC 3596 section 2.2. */
    record Aaaa(Inet6Address address) implements Rdata {
        public Aaaa {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public RecordType type() {
            return RecordType.AAAA;
        }

        @Override
        public byte[] wire() {
            return address.getAddress();
        }

        /** RFC 5952 form: {@code 2001:db8::1}, not the JDK's {@code 2001:db8:0:0:0:0:0:1}. */
        @Override
        public String text() {
            return NetUtil.toAddressString(address);
        }
    }

    /**
     * RFC 1035 section 3.3.14: one or more character-strings of at most
     * {@value #MAX_STRING} octets each, held as the octets (ISO-8859-1 in this String, one char
     * per octet) so that every value round-trips.
     */
    record Txt(List<String> strings) implements Rdata {
        /** A character-string's length is one octet (RFC 1035 section 3.3). */
        public static final int MAX_STRING = 255;

        public Txt {
            strings = List.copyOf(strings);
            if (strings.isEmpty()) throw new IllegalArgumentException("TXT needs at least one string");
            for (String s : strings) {
                if (s.length() > MAX_STRING) throw new IllegalArgumentException("TXT string longer than " + MAX_STRING + " octets");
                for (int i = 0; i < s.length(); i++) {
                    if (s.charAt(i) > 0xFF) throw new IllegalArgumentException("TXT strings hold octets; encode text as UTF-8 first");
                }
            }
        }

        @Override
        public RecordType type() {
            return RecordType.TXT;
        }

        @Override
        public byte[] wire() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String s : strings) {
                out.write(s.length());
                for (int i = 0; i < s.length(); i++) out.write(s.charAt(i));
            }
            return out.toByteArray();
        }

        @Override
        public String text() {
            StringBuilder b = new StringBuilder();
            for (String s : strings) {
                if (!b.isEmpty()) b.append(' ');
                b.append('"');
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '"' || c == '\\') b.append('\\').append(c);
                    else if (c < 0x20 || c > 0x7E) b.append(String.format("\\%03d", (int) c));
                    else b.append(c);
                }
                b.append('"');
            }
            return b.toString();
        }
    }
}
