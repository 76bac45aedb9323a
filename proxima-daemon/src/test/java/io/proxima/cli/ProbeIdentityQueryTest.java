package io.proxima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The probe's DNS message: the query octets, and replies with id.server, NSID, both or neither. */
class ProbeIdentityQueryTest {

    @Test
    void theQueryIsIdServerChTxtWithAnEmptyNsidOption() {
        byte[] q = IdentityQuery.encode(0x1234);
        assertThat(q).startsWith(0x12, 0x34, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1);
        assertThat(Arrays.copyOfRange(q, 12, 33)).containsExactly(
                2, 'i', 'd', 6, 's', 'e', 'r', 'v', 'e', 'r', 0, 0, 16, 0, 3,
                0, 0, 41, 0x04, (byte) 0xD0, 0);
        assertThat(Arrays.copyOfRange(q, q.length - 6, q.length)).containsExactly(0, 4, 0, 3, 0, 0);
    }

    /** A response: header, the question, then optionally one CH TXT answer and an OPT with NSID. */
    private static byte[] reply(int rcode, String txt, String nsid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] q = IdentityQuery.encode(7);
        out.write(0);
        out.write(7);
        out.write(0x84);
        out.write(rcode);
        u16(out, 1);
        u16(out, txt == null ? 0 : 1);
        u16(out, 0);
        u16(out, nsid == null ? 0 : 1);
        out.write(q, 12, 15); // the question
        if (txt != null) {
            u16(out, 0xC00C); // pointer to the question's name
            u16(out, 16);
            u16(out, 3);
            u16(out, 0);
            u16(out, 0);
            u16(out, txt.length() + 1);
            out.write(txt.length());
            out.writeBytes(txt.getBytes());
        }
        if (nsid != null) {
            out.write(0);
            u16(out, 41);
            u16(out, 1232);
            u16(out, 0);
            u16(out, 0);
            u16(out, nsid.length() + 4);
            u16(out, 3);
            u16(out, nsid.length());
            out.writeBytes(nsid.getBytes());
        }
        return out.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v & 0xFF);
    }

    private static Optional<IdentityQuery.Identity> decode(byte[] m) {
        return IdentityQuery.decode(m, m.length);
    }

    @Test
    void idServerWinsAndNsidIsTheFallback() {
        assertThat(decode(reply(0, "site-a", "ns-a")).get().best()).isEqualTo("site-a");
        assertThat(decode(reply(5, null, "ns-a")).get().best()).as("REFUSED for CHAOS, NSID still there").isEqualTo("ns-a");
        assertThat(decode(reply(5, null, null)).get().best()).isEqualTo(ProbeOutcome.UNIDENTIFIED);
        assertThat(decode(reply(0, "site-a", null)).get().id()).isEqualTo(7);
    }

    @Test
    void truncatedOrNonResponseMessagesAreIgnored() {
        byte[] full = reply(0, "site-a", "ns-a");
        for (int cut = 0; cut < full.length; cut++) {
            // the header's counts promise more than a cut message holds, wherever the cut is
            assertThat(IdentityQuery.decode(full, cut)).as("cut at %d", cut).isEmpty();
        }
        assertThat(decode(IdentityQuery.encode(7))).as("a query, not a response").isEmpty();
        assertThat(decode(new byte[] {1, 2, 3})).isEmpty();
    }
}
