package io.proxima.bgp.wire.attr;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.SessionFacts;

/**
 * A path attribute (RFC 4271 §4.3):
 * <pre>
 *   0                   1
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |  Attr. Flags  |Attr. Type Code|   then 1 length octet, or 2 if Extended Length is set
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * Every attribute keeps the flags it was received with, so it re-encodes to the same octets (the
 * Extended Length bit on a short value, the low four bits that senders ought to leave zero). Type
 * codes are open: an attribute we do not know is an {@link UnknownAttribute}. {@link AttributeTable}
 * has one row per known type: flags, whether mandatory, the RFC 7606 disposition and the decoder.
 */
public sealed interface PathAttribute permits Origin, AsPath, NextHop, MultiExitDisc, LocalPref, AtomicAggregate,
        Aggregator, Communities, OriginatorId, ClusterList, MpReachNlri, MpUnreachNlri, ExtendedCommunities, As4Path,
        As4Aggregator, LargeCommunities, OnlyToCustomer, UnknownAttribute {

    int OPTIONAL = 0x80;
    int TRANSITIVE = 0x40;
    int PARTIAL = 0x20;
    int EXTENDED_LENGTH = 0x10;

    int ORIGIN = 1;
    int AS_PATH = 2;
    int NEXT_HOP = 3;
    int MULTI_EXIT_DISC = 4;
    int LOCAL_PREF = 5;
    int ATOMIC_AGGREGATE = 6;
    int AGGREGATOR = 7;
    int COMMUNITIES = 8;
    int ORIGINATOR_ID = 9;
    int CLUSTER_LIST = 10;
    int MP_REACH_NLRI = 14;
    int MP_UNREACH_NLRI = 15;
    int EXTENDED_COMMUNITIES = 16;
    int AS4_PATH = 17;
    int AS4_AGGREGATOR = 18;
    int LARGE_COMMUNITY = 32;
    int ONLY_TO_CUSTOMER = 35;

    /** The largest value with a one-octet length; longer values need Extended Length. */
    int MAX_SHORT_LENGTH = 255;
    int MAX_EXTENDED_VALUE_LENGTH = 0xFFFF;

    int flags();

    int typeCode();

    int valueLength(SessionFacts facts);

    void writeValue(ByteBuf out, SessionFacts facts);

    /** Writes flags, type, length and value; sets Extended Length when the value needs it. */
    default void write(ByteBuf out, SessionFacts facts) {
        int len = valueLength(facts);
        if (len > MAX_EXTENDED_VALUE_LENGTH) throw new IllegalArgumentException("attribute " + typeCode() + " too long: " + len);
        int f = flags();
        if (len > MAX_SHORT_LENGTH) f |= EXTENDED_LENGTH;
        out.writeByte(f).writeByte(typeCode());
        if ((f & EXTENDED_LENGTH) != 0) out.writeShort(len); else out.writeByte(len);
        int start = out.writerIndex();
        writeValue(out, facts);
        assert out.writerIndex() - start == len : "valueLength disagrees with writeValue for type " + typeCode();
    }

    /** The attribute's encoded size, header included. */
    default int encodedLength(SessionFacts facts) {
        int len = valueLength(facts);
        return ((flags() & EXTENDED_LENGTH) != 0 || len > MAX_SHORT_LENGTH ? 4 : 3) + len;
    }

    /** The same attribute as passed on by a speaker that does not know it: Partial bit set (RFC 4271 §5). */
    static int defaultFlags(int typeCode) {
        return AttributeTable.defaultFlags(typeCode);
    }
}
