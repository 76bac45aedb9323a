package io.proxima.bgp.wire.attr;

import static io.proxima.bgp.wire.Disposition.ATTRIBUTE_DISCARD;
import static io.proxima.bgp.wire.Disposition.SESSION_RESET;
import static io.proxima.bgp.wire.Disposition.TREAT_AS_WITHDRAW;
import static io.proxima.bgp.wire.attr.PathAttribute.OPTIONAL;
import static io.proxima.bgp.wire.attr.PathAttribute.TRANSITIVE;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.Disposition;
import io.proxima.bgp.wire.SessionFacts;

/**
 * One row per path attribute Proxima understands: its type code, the Optional/Transitive flags it
 * must carry, whether it is well-known mandatory, what RFC 7606 says to do when it is malformed,
 * where that rule is written, and its decoder. Adding an attribute is one row and one record.
 */
public final class AttributeTable {

    /** Decodes a value that is bounded to exactly the attribute's declared length. */
    @FunctionalInterface
    interface Decoder {
        PathAttribute decode(int flags, ByteBuf value, SessionFacts facts) throws Malformed;
    }

    /**
     * @param flags       the Optional and Transitive bits the attribute must have
     * @param mandatory   well-known mandatory (RFC 4271 §5); NEXT_HOP only with IPv4 NLRI (RFC 4760 §3)
     * @param onMalformed the RFC 7606 disposition for a malformed value
     * @param rule        where the disposition is written
     */
    public record Row(int type, String name, int flags, boolean mandatory, Disposition onMalformed, String rule,
                      Decoder decoder) {
        public boolean wellKnown() {
            return (flags & OPTIONAL) == 0;
        }

        /**
         * RFC 7606 §3 (c): Optional/Transitive bits in conflict with the definition make the
         * attribute malformed; treat-as-withdraw unless its own rule is weaker. MP_REACH/MP_UNREACH
         * remain parseable with wrong flags, so their routes are withdrawn rather than the session reset.
         */
        public Disposition onFlagsConflict() {
            return onMalformed == SESSION_RESET ? TREAT_AS_WITHDRAW : onMalformed;
        }
    }

    private static final int WK = TRANSITIVE;
    private static final int OPT = OPTIONAL;
    private static final int OPT_TRANS = OPTIONAL | TRANSITIVE;

    private static final Row[] ROWS = {
        new Row(PathAttribute.ORIGIN, "ORIGIN", WK, true, TREAT_AS_WITHDRAW, "RFC 7606 §7.1", Origin::decode),
        new Row(PathAttribute.AS_PATH, "AS_PATH", WK, true, TREAT_AS_WITHDRAW, "RFC 7606 §7.2", AsPath::decode),
        new Row(PathAttribute.NEXT_HOP, "NEXT_HOP", WK, true, TREAT_AS_WITHDRAW, "RFC 7606 §7.3", NextHop::decode),
        new Row(PathAttribute.MULTI_EXIT_DISC, "MULTI_EXIT_DISC", OPT, false, TREAT_AS_WITHDRAW, "RFC 7606 §7.4", MultiExitDisc::decode),
        new Row(PathAttribute.LOCAL_PREF, "LOCAL_PREF", WK, false, TREAT_AS_WITHDRAW, "RFC 7606 §7.5", LocalPref::decode),
        new Row(PathAttribute.ATOMIC_AGGREGATE, "ATOMIC_AGGREGATE", WK, false, ATTRIBUTE_DISCARD, "RFC 7606 §7.6", AtomicAggregate::decode),
        new Row(PathAttribute.AGGREGATOR, "AGGREGATOR", OPT_TRANS, false, ATTRIBUTE_DISCARD, "RFC 7606 §7.7", Aggregator::decode),
        new Row(PathAttribute.COMMUNITIES, "COMMUNITIES", OPT_TRANS, false, TREAT_AS_WITHDRAW, "RFC 7606 §7.8", Communities::decode),
        new Row(PathAttribute.ORIGINATOR_ID, "ORIGINATOR_ID", OPT, false, TREAT_AS_WITHDRAW, "RFC 7606 §7.9", OriginatorId::decode),
        new Row(PathAttribute.CLUSTER_LIST, "CLUSTER_LIST", OPT, false, TREAT_AS_WITHDRAW, "RFC 7606 §7.10", ClusterList::decode),
        new Row(PathAttribute.MP_REACH_NLRI, "MP_REACH_NLRI", OPT, false, SESSION_RESET, "RFC 7606 §7.11, §5.3", MpReachNlri::decode),
        new Row(PathAttribute.MP_UNREACH_NLRI, "MP_UNREACH_NLRI", OPT, false, SESSION_RESET, "RFC 7606 §7.12, §5.3", MpUnreachNlri::decode),
        new Row(PathAttribute.EXTENDED_COMMUNITIES, "EXTENDED_COMMUNITIES", OPT_TRANS, false, TREAT_AS_WITHDRAW, "RFC 7606 §7.14", ExtendedCommunities::decode),
        new Row(PathAttribute.AS4_PATH, "AS4_PATH", OPT_TRANS, false, ATTRIBUTE_DISCARD, "RFC 6793 §6, RFC 7606 §7.2", As4Path::decode),
        new Row(PathAttribute.AS4_AGGREGATOR, "AS4_AGGREGATOR", OPT_TRANS, false, ATTRIBUTE_DISCARD, "RFC 6793 §6, RFC 7606 §7.7", As4Aggregator::decode),
        new Row(PathAttribute.LARGE_COMMUNITY, "LARGE_COMMUNITY", OPT_TRANS, false, TREAT_AS_WITHDRAW, "RFC 8092 §6", LargeCommunities::decode),
        new Row(PathAttribute.ONLY_TO_CUSTOMER, "OTC", OPT_TRANS, false, TREAT_AS_WITHDRAW, "RFC 9234 §5", OnlyToCustomer::decode),
    };

    private static final Row[] BY_TYPE = new Row[256];

    static {
        for (Row r : ROWS) BY_TYPE[r.type()] = r;
    }

    private AttributeTable() {
    }

    /** The row for a type code, or null for a type we do not implement. */
    public static Row row(int type) {
        return BY_TYPE[type & 0xFF];
    }

    public static Row[] rows() {
        return ROWS.clone();
    }

    public static String name(int type) {
        Row r = row(type);
        return r != null ? r.name() : "type " + type;
    }

    static int defaultFlags(int type) {
        Row r = row(type);
        return r != null ? r.flags() : OPT_TRANS;
    }

    /** Decodes with the row's decoder; the caller has checked that a row exists. */
    public static PathAttribute decode(Row row, int flags, ByteBuf value, SessionFacts facts) throws Malformed {
        return row.decoder().decode(flags, value, facts);
    }
}
