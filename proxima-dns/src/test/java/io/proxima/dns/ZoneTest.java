package io.proxima.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZoneTest {

    private static final String SOA = "@ 3600 SOA ns1.example.net. hostmaster.example.net. 1 3600 600 86400 60";

    private static Zone zone(String... lines) {
        List<String> all = new ArrayList<>(List.of(SOA));
        all.addAll(List.of(lines));
        return Zone.parse("example.net.", all);
    }

    /** The ZoneException for a bad line put after the SOA, i.e. at index 1. */
    private static ZoneException bad(String line) {
        try {
            zone(line);
        } catch (ZoneException e) {
            return e;
        }
        throw new AssertionError("accepted: " + line);
    }

    @Test
    void readsTheDesignSketchZone() {
        Zone z = TestZones.zone();
        assertThat(z.origin()).isEqualTo("example.net.");
        assertThat(z.soa().data()).isEqualTo(new Rdata.Soa("ns1.example.net.", "hostmaster.example.net.", 1, 3600, 600, 86400, 60));
        assertThat(z.rrset("WWW.example.net.", RecordType.A)).singleElement()
                .hasToString("www.example.net. 60 IN A 198.51.100.80");
        assertThat(z.rrset("www.example.net.", RecordType.AAAA).get(0).data().text()).isEqualTo("2001:db8:75::80");
        assertThat(z.rrset("example.net.", RecordType.NS).get(0).data()).isEqualTo(new Rdata.Ns("ns1.example.net."));
        assertThat(z.rrset("big.example.net.", RecordType.TXT)).hasSize(TestZones.BIG_TXT_RECORDS);
        assertThat(z.rrset("nope.example.net.", RecordType.A)).isEmpty();
    }

    @Test
    void namesAreRelativeAbsoluteOrTheOrigin() {
        Zone z = zone("www 60 A 192.0.2.1", "mail.example.net. 60 A 192.0.2.2", "@ 60 A 192.0.2.3", "Upper.Case 60 IN A 192.0.2.4");
        assertThat(z.records()).extracting(ZoneRecord::owner)
                .containsExactly("example.net.", "www.example.net.", "mail.example.net.", "example.net.", "upper.case.example.net.");
    }

    @Test
    void emptyNonTerminalsExist() {
        Zone z = zone("a.b.c 60 A 192.0.2.1");
        assertThat(z.exists("a.b.c.example.net.")).isTrue();
        assertThat(z.exists("b.c.example.net.")).isTrue();
        assertThat(z.exists("c.example.net.")).isTrue();
        assertThat(z.exists("d.example.net.")).isFalse();
        assertThat(z.contains("x.y.example.net.")).isTrue();
        assertThat(z.contains("example.org.")).isFalse();
        assertThat(z.contains("badexample.net.")).isFalse();
    }

    @Test
    void txtStringsAreQuotedOrBareWithEscapes() {
        Zone z = zone("t 60 TXT \"two words\" bare \"quote \\\" and \\\\ backslash\" \"\\065\\066\" \"caf\u00e9\" ; a comment");
        Rdata.Txt txt = (Rdata.Txt) z.rrset("t.example.net.", RecordType.TXT).get(0).data();
        assertThat(txt.strings()).containsExactly("two words", "bare", "quote \" and \\ backslash", "AB", "caf\u00c3\u00a9");
        assertThat(txt.text()).isEqualTo("\"two words\" \"bare\" \"quote \\\" and \\\\ backslash\" \"AB\" \"caf\\195\\169\"");
        assertThat(txt.wire()).startsWith(9, 't', 'w', 'o');
    }

    @Test
    void identicalRecordsAreKeptOnce() {
        Zone z = zone("www 60 A 192.0.2.1", "www 60 A 192.0.2.1", "www 60 A 192.0.2.2");
        assertThat(z.rrset("www.example.net.", RecordType.A)).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            www A 192.0.2.1                  | expected a TTL in seconds after the owner, got 'A'
            www 60 CNAME other               | type CNAME is not supported (SOA, NS, A, AAAA, TXT)
            www 60 MX 10 mail                | type MX is not supported
            www 60 CH TXT "x"                | class CH: the zone holds class IN only
            www 60 A 192.0.2.300             | '192.0.2.300' is not an IPv4 address
            www 60 A 2001:db8::1             | is not an IPv4 address
            www 60 AAAA 192.0.2.1            | '192.0.2.1' is not an IPv6 address
            www 60 A 192.0.2.1 192.0.2.2     | A takes one IPv4 address, got 2 field(s)
            www.example.org. 60 A 192.0.2.1  | owner www.example.org. is outside the zone example.net.
            sub 60 NS ns.other.org.          | NS at sub.example.net. would delegate it
            @ 60 SOA a. b. 1 2 3 4 5         | a second SOA; the zone's SOA is records[0]
            www 60 SOA a. b. 1 2 3 4 5       | the SOA belongs at the origin example.net.
            @ 60 SOA a. b. 1 2 3 4           | SOA takes MNAME RNAME SERIAL REFRESH RETRY EXPIRE MINIMUM
            www 99999999999 A 192.0.2.1      | expected a TTL in seconds
            www 2147483648 A 192.0.2.1       | TTL 2147483648 is above 2147483647
            www 60 TXT "open                 | unterminated quoted string
            www 60 TXT ( "a" )               | parentheses are not supported
            $TTL 3600                        | directives such as $TTL are not supported
            w_w!w 60 A 192.0.2.1             | has '!'
            a..b 60 A 192.0.2.1              | has an empty label
            www 60 TXT                       | TXT takes one or more strings
            www 60                           | expected 'OWNER TTL TYPE DATA'
            www 60 TXT "\\300"               | \\300 is not an octet
            """)
    void badLinesNameTheirIndex(String line, String reason) {
        ZoneException e = bad(line);
        assertThat(e.index()).isEqualTo(1);
        assertThat(e.reason()).contains(reason);
        assertThat(e.getMessage()).startsWith("records[1]: ");
    }

    @Test
    void aLongLabelAndALongTxtStringAreRefused() {
        assertThat(bad("x".repeat(64) + " 60 A 192.0.2.1").reason()).contains("label longer than 63");
        assertThat(bad("t 60 TXT \"" + "x".repeat(256) + "\"").reason()).contains("256 octets; the limit is 255: split it");
    }

    @Test
    void ttlsOfOneRrsetMustAgree() {
        ZoneException e = null;
        try {
            zone("www 60 A 192.0.2.1", "www 300 A 192.0.2.2");
        } catch (ZoneException x) {
            e = x;
        }
        assertThat(e).isNotNull();
        assertThat(e.index()).isEqualTo(2);
        assertThat(e.reason()).contains("TTL 300 differs from TTL 60 of the same RRset at records[1]");
    }

    @Test
    void aZoneWithoutSoaOrWithABadOriginIsRefusedAsAWhole() {
        assertThatThrownBy(() -> Zone.parse("example.net.", List.of("www 60 A 192.0.2.1")))
                .isInstanceOfSatisfying(ZoneException.class, e -> {
                    assertThat(e.index()).isEqualTo(ZoneException.WHOLE_ZONE);
                    assertThat(e.getMessage()).contains("has no SOA record").contains("@ 3600 SOA ns1.example.net.");
                });
        assertThatThrownBy(() -> Zone.parse("example.net", List.of(SOA)))
                .isInstanceOfSatisfying(ZoneException.class, e -> assertThat(e.getMessage()).startsWith("origin: ").contains("must be absolute"));
    }

    @Test
    void anRrsetTooBigForAMessageIsRefused() {
        List<String> lines = new ArrayList<>(List.of(SOA));
        for (int i = 0; i < 300; i++) lines.add("t 60 TXT \"" + i + "x".repeat(250) + "\"");
        assertThatThrownBy(() -> Zone.parse("example.net.", lines))
                .isInstanceOfSatisfying(ZoneException.class, e -> assertThat(e.reason()).contains("at most " + Zone.MAX_RRSET_OCTETS));
    }

    @Test
    void theRootCanBeTheOrigin() {
        Zone z = Zone.parse(".", List.of("@ 60 SOA a.root. b.root. 1 2 3 4 5", "tld 60 A 192.0.2.1"));
        assertThat(z.rrset("tld.", RecordType.A)).hasSize(1);
        assertThat(z.contains("anything.at.all.")).isTrue();
    }
}
