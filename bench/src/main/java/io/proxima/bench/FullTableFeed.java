package io.proxima.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.proxima.bgp.mrt.MrtReader;
import io.proxima.bgp.mrt.MrtRecord;
import io.proxima.bgp.wire.DecodeResult;
import io.proxima.bgp.wire.Disposition;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.MessageDecoder;
import io.proxima.bgp.wire.MessageEncoder;
import io.proxima.bgp.wire.MessageError;
import io.proxima.bgp.wire.SessionFacts;
import io.proxima.bgp.wire.Update;
import io.proxima.bgp.wire.nlri.Nlri;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A real full table as raw UPDATE messages, ready to be written to a socket as fast as TCP takes
 * them: every UPDATE a peer sent in an MRT BGP4MP dump (bgpdump's updates.et-header.2015.gz: an
 * iBGP feed, 89,679 UPDATEs), rewritten for an eBGP session by {@link EbgpRewrite} and encoded
 * with 4-octet AS numbers.
 *
 * <p>Two counts say what a receiver should end up holding. Both come from decoding the encoded
 * messages again with Proxima's decoder, which also checks the encoding: {@code allPrefixes}
 * applies every announcement and withdrawal; {@code rfc7607Prefixes} also treats as withdrawn the
 * routes of UPDATEs whose AS_PATH contains AS 0 (RFC 7607 §2: malformed, RFC 7606
 * treat-as-withdraw), as FRR and Proxima do. BIRD and GoBGP accept those (LAB.md §7).
 *
 * @param wire            every message back to back
 * @param messageEnds     where each message ends in {@code wire}: a writer may pause only there
 * @param dumpUpdates     UPDATEs taken from the dump
 * @param splitUpdates    of those, how many had to be split to stay within 4,096 octets once the
 *                        AS numbers grew to 4 octets
 * @param skippedUpdates  UPDATEs of the dump that Proxima's decoder could not salvage (session reset)
 * @param allPrefixes     distinct prefixes a receiver holds that accepts AS 0 in AS_PATH
 * @param rfc7607Prefixes distinct prefixes a receiver holds that treats such routes as withdrawn
 * @param treatAsWithdrawRoutes routes in UPDATEs that an RFC 7606 receiver treats as withdrawn
 * @param treatAsWithdrawReasons why, as Proxima's decoder says (for this dump: AS 0 in AS_PATH)
 */
record FullTableFeed(byte[] wire, int[] messageEnds, int dumpUpdates, int splitUpdates, int skippedUpdates,
                     int allPrefixes, int rfc7607Prefixes, int treatAsWithdrawRoutes, Set<String> treatAsWithdrawReasons) {

    /** RFC 4271 §4.1: without the Extended Message capability (which the feeder does not offer). */
    static final int MAX_MESSAGE = 4096;

    static FullTableFeed load(Path dump, long feederAs, IpAddress nextHop) throws IOException {
        EbgpRewrite rewrite = new EbgpRewrite(feederAs, nextHop);
        List<Update> out = new ArrayList<>();
        int updates = 0, split = 0, skipped = 0;
        try (MrtReader reader = MrtReader.open(dump)) {
            MrtRecord r;
            while ((r = reader.next()) != null) {
                // Only what the peer sent (not the collector's own messages), as it was decoded then.
                if (!(r instanceof MrtRecord.Bgp4mpMessage m) || m.local()) continue;
                Update u = switch (m.message()) {
                    case DecodeResult.Decoded d when d.message() instanceof Update x -> x;
                    // AS 0 in AS_PATH and other RFC 7606 cases: the routes still go to the receivers,
                    // which decide for themselves.
                    case MessageError e when e.disposition() != Disposition.SESSION_RESET && e.update() != null -> e.update();
                    case MessageError e -> {
                        skipped++;
                        yield null;
                    }
                    default -> null;
                };
                if (u == null) continue;
                updates++;
                List<Update> parts = fit(rewrite.apply(u, m.as4()));
                if (parts.size() > 1) split++;
                out.addAll(parts);
            }
        }
        ByteBuf buf = Unpooled.buffer(out.size() * 128);
        int[] ends = new int[out.size()];
        for (int i = 0; i < out.size(); i++) {
            MessageEncoder.encode(out.get(i), SessionFacts.AS4, buf);
            ends[i] = buf.writerIndex();
        }
        byte[] wire = new byte[buf.readableBytes()];
        buf.readBytes(wire);
        buf.release();
        Set<String> reasons = new TreeSet<>();
        int[] counts = expectations(wire, ends, reasons);
        return new FullTableFeed(wire, ends, updates, split, skipped, counts[0], counts[1], counts[2], reasons);
    }

    /** The update as one message, or split in two by its NLRI (recursively) until each fits. */
    private static List<Update> fit(Update u) {
        if (MessageEncoder.updateLength(u, SessionFacts.AS4) <= MAX_MESSAGE) return List.of(u);
        List<Nlri> nlri = u.nlri();
        if (nlri.size() < 2) throw new IllegalStateException("an UPDATE with " + nlri.size() + " prefix does not fit " + MAX_MESSAGE + " octets");
        int half = nlri.size() / 2;
        List<Update> out = new ArrayList<>(fit(new Update(u.withdrawn(), u.attributes(), nlri.subList(0, half))));
        out.addAll(fit(new Update(List.of(), u.attributes(), nlri.subList(half, nlri.size()))));
        return out;
    }

    /**
     * Decodes the encoded feed as a 4-octet-AS receiver would and counts the prefixes held at the
     * end: {all, RFC 7607, routes treated as withdrawn}. Fails on any message that would reset a
     * session.
     */
    private static int[] expectations(byte[] wire, int[] ends, Set<String> reasons) {
        Set<Nlri> all = new HashSet<>();
        Set<Nlri> strict = new HashSet<>();
        int asZero = 0;
        int start = 0;
        for (int end : ends) {
            DecodeResult r = MessageDecoder.decode(Unpooled.wrappedBuffer(wire, start, end - start), SessionFacts.AS4);
            start = end;
            Update u = switch (r) {
                case DecodeResult.Decoded d -> (Update) d.message();
                case MessageError e when e.disposition() == Disposition.TREAT_AS_WITHDRAW -> e.update();
                case MessageError e -> throw new IllegalStateException("feed message would reset the session: " + e);
            };
            for (Nlri n : u.withdrawnAll()) {
                all.remove(n);
                strict.remove(n);
            }
            all.addAll(u.announced());
            if (r instanceof MessageError e) {
                asZero += e.treatAsWithdraw().size();
                reasons.add(e.reason());
                strict.removeAll(e.treatAsWithdraw());
            } else {
                strict.addAll(u.announced());
            }
        }
        return new int[] {all.size(), strict.size(), asZero};
    }

    int messages() {
        return messageEnds.length;
    }
}
