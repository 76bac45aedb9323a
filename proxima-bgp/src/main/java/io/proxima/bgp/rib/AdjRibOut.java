package io.proxima.bgp.rib;

import io.proxima.bgp.wire.BgpMessage;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.RouteRefresh;
import io.proxima.bgp.wire.SessionFacts;
import io.proxima.bgp.wire.Update;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Adj-RIB-Out (RFC 4271 §3.2): what has been sent to one peer, so that a change of the desired
 * routes becomes the smallest set of UPDATEs. {@link #diff} compares the desired routes (from
 * {@link ExportPolicy}) with what was sent, and returns the withdrawals and the announcements,
 * routes with equal attributes packed together. A diff of an unchanged desired set is empty.
 *
 * <p>After the first diff of a session, which is the initial routing update, come the End-of-RIB
 * markers of every negotiated family (RFC 4724 §2: "MUST be sent ... once it completes the initial
 * routing update"). Each route is one map entry, prefix to shared attributes.
 *
 * <p>The messages are taken to be sent: the caller writes them all to the session in order.
 * Single-threaded: owned by the event loop of the peer's session.
 */
public final class AdjRibOut {

    /** A diff that changes nothing once the initial update is done. */
    private static final Outbound NOTHING = new Outbound(List.of(), 0, 0, List.of());

    private final Set<Family> families;
    /** The families in a fixed order, IPv4 first, for a predictable message order. */
    private final List<Family> familyOrder;
    private final UpdatePacker packer;
    private final Map<Prefix, Attributes> sent = new HashMap<>();
    private boolean initialUpdateDone;

    /**
     * @param facts    what the session negotiated: message length, ADD-PATH, 4-octet AS
     * @param families the unicast families negotiated (RFC 4760 §8); routes of others are not sent
     */
    public AdjRibOut(SessionFacts facts, Set<Family> families) {
        this.families = Set.copyOf(families);
        this.familyOrder = families.stream().sorted(Comparator.comparingInt(Family::afi).thenComparingInt(Family::safi)).toList();
        this.packer = new UpdatePacker(facts);
    }

    /**
     * The UPDATEs that make the peer's routes exactly {@code desired}: prefix to the attributes as
     * this peer gets them ({@link ExportPolicy}), each with a next hop. Compares the whole table;
     * after a few changes, {@link #diff(Map, Collection)} is cheaper.
     */
    public Outbound diff(Map<Prefix, Attributes> desired) {
        Set<Prefix> scope = new HashSet<>(sent.keySet());
        scope.addAll(desired.keySet());
        return diff(desired, scope);
    }

    /**
     * The UPDATEs for the prefixes in {@code scope} only: each ends up with its attributes in
     * {@code desired}, or withdrawn if it has none there. For incremental changes (router mode,
     * one best-path change at a time) without comparing the whole table.
     */
    public Outbound diff(Map<Prefix, Attributes> desired, Collection<Prefix> scope) {
        // Allocated at the first prefix that needs them: in router mode most scoped diffs change
        // nothing for most peers (the peer the routes came from, above all).
        TreeSet<Prefix> withdraw = null;
        TreeSet<Prefix> announce = null;
        List<Prefix> unsendable = null;
        for (Prefix p : scope) {
            Attributes want = desired.get(p);
            if (want != null && !families.contains(p.family())) {
                if (unsendable == null) unsendable = new ArrayList<>();
                unsendable.add(p);
                want = null;
            }
            Attributes had = sent.get(p);
            if (want == null) {
                if (had != null) {
                    if (withdraw == null) withdraw = new TreeSet<>();
                    withdraw.add(p);
                }
            } else if (!want.equals(had)) {
                if (announce == null) announce = new TreeSet<>();
                announce.add(p);
            }
        }
        if (withdraw == null && announce == null && unsendable == null && initialUpdateDone) return NOTHING;
        if (withdraw == null) withdraw = new TreeSet<>();
        if (announce == null) announce = new TreeSet<>();
        if (unsendable == null) unsendable = new ArrayList<>();
        List<BgpMessage> messages = new ArrayList<>();
        List<Update> announcements = pack(announce, desired, unsendable, withdraw);
        for (Family f : familyOrder) {
            List<Prefix> of = withdraw.stream().filter(p -> p.family().equals(f)).toList();
            if (!of.isEmpty()) messages.addAll(packer.withdrawals(f, of));
        }
        for (Prefix p : withdraw) sent.remove(p);
        messages.addAll(announcements);
        if (!initialUpdateDone) {
            for (Family f : familyOrder) messages.add(Update.endOfRib(f));
            initialUpdateDone = true;
        }
        return new Outbound(messages, announce.size(), withdraw.size(), unsendable);
    }

    /**
     * Everything sent for a family, again: the answer to a ROUTE-REFRESH (RFC 2918 §4). With
     * enhanced route refresh (RFC 7313 §4) the routes are framed by a BoRR and an EoRR message, so
     * the peer can drop what we no longer have.
     */
    public Outbound refresh(Family family, boolean enhanced) {
        List<BgpMessage> messages = new ArrayList<>();
        if (enhanced) messages.add(new RouteRefresh(family, RouteRefresh.BORR));
        TreeSet<Prefix> all = new TreeSet<>();
        for (Prefix p : sent.keySet()) if (p.family().equals(family)) all.add(p);
        List<Prefix> unsendable = new ArrayList<>();
        messages.addAll(pack(all, sent, unsendable, new TreeSet<>()));
        if (enhanced) messages.add(new RouteRefresh(family, RouteRefresh.EORR));
        return new Outbound(messages, all.size(), 0, unsendable);
    }

    /** The attributes last sent for a prefix, or null. */
    public Attributes sent(Prefix prefix) {
        return sent.get(prefix);
    }

    public int size() {
        return sent.size();
    }

    /** Whether the initial routing update, and with it End-of-RIB, has gone out. */
    public boolean initialUpdateDone() {
        return initialUpdateDone;
    }

    /**
     * Packs the announcements, grouped by attributes in prefix order, and records them as sent. A
     * route whose attributes do not fit one message is unsendable; if the peer had an older version
     * of it, that is withdrawn instead.
     */
    private List<Update> pack(TreeSet<Prefix> announce, Map<Prefix, Attributes> desired, List<Prefix> unsendable,
                              TreeSet<Prefix> withdraw) {
        Map<Attributes, List<Prefix>> groups = new LinkedHashMap<>();
        for (Prefix p : announce) groups.computeIfAbsent(desired.get(p), k -> new ArrayList<>()).add(p);
        List<Update> out = new ArrayList<>();
        for (Map.Entry<Attributes, List<Prefix>> g : groups.entrySet()) {
            for (Family f : familyOrder) {
                List<Prefix> of = g.getValue().stream().filter(p -> p.family().equals(f)).toList();
                if (of.isEmpty()) continue;
                List<Update> packed = packer.announcements(f, g.getKey(), of);
                if (packed == null) {
                    unsendable.addAll(of);
                    announce.removeAll(of);
                    for (Prefix p : of) if (sent.containsKey(p)) withdraw.add(p);
                    continue;
                }
                out.addAll(packed);
                for (Prefix p : of) sent.put(p, g.getKey());
            }
        }
        return out;
    }
}
