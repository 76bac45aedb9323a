package io.proxima.bgp.wire;

import static io.proxima.bgp.wire.ErrorCode.UPDATE_ATTRIBUTE_FLAGS_ERROR;
import static io.proxima.bgp.wire.ErrorCode.UPDATE_INVALID_NETWORK_FIELD;
import static io.proxima.bgp.wire.ErrorCode.UPDATE_MALFORMED_AS_PATH;
import static io.proxima.bgp.wire.ErrorCode.UPDATE_MALFORMED_ATTRIBUTE_LIST;
import static io.proxima.bgp.wire.ErrorCode.UPDATE_MESSAGE;
import static io.proxima.bgp.wire.ErrorCode.UPDATE_MISSING_WELL_KNOWN_ATTRIBUTE;
import static io.proxima.bgp.wire.ErrorCode.UPDATE_UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.attr.As4Path;
import io.proxima.bgp.wire.attr.AsPath;
import io.proxima.bgp.wire.attr.AttributeTable;
import io.proxima.bgp.wire.attr.Malformed;
import io.proxima.bgp.wire.attr.MpReachNlri;
import io.proxima.bgp.wire.attr.PathAttribute;
import io.proxima.bgp.wire.attr.Segment;
import io.proxima.bgp.wire.attr.UnknownAttribute;
import io.proxima.bgp.wire.nlri.Nlri;
import io.proxima.bgp.wire.nlri.NlriCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an UPDATE body (RFC 4271 §4.3) and applies RFC 7606: each error gets its disposition,
 * the strongest wins, and whatever can be salvaged is kept.
 */
public final class UpdateDecoder {

    private UpdateDecoder() {
    }

    /** The attributes of an UPDATE or MRT RIB entry, and the strongest error among them (or null). */
    public record AttributeList(List<PathAttribute> attributes, MessageError error) { }

    /** Collects errors; keeps the first one of the strongest disposition. */
    static final class Errors {
        int count;
        int code;
        int subcode;
        Octets data;
        Disposition worst;
        String reason;
        /** RFC 7606 §5.2: the attribute list held something other than MP_UNREACH_NLRI. */
        boolean otherThanMpUnreach;

        void add(int code, int subcode, Octets data, Disposition d, String reason) {
            count++;
            if (worst == null || d.compareTo(worst) > 0) {
                this.code = code;
                this.subcode = subcode;
                this.data = data;
                this.worst = d;
                this.reason = reason;
            }
        }

        boolean any() {
            return worst != null;
        }

        MessageError toError(Update salvaged, List<Nlri> withdraw) {
            return new MessageError(code, subcode, data, worst, reason,
                    worst == Disposition.SESSION_RESET ? null : salvaged, withdraw, count);
        }
    }

    /** Decodes an UPDATE body (after the 19-octet header), bounded to exactly the body. */
    static DecodeResult decode(ByteBuf body, SessionFacts facts) {
        Errors errors = new Errors();
        if (body.readableBytes() < Update.FIXED_LENGTH) {
            return MessageError.reset(ErrorCode.MESSAGE_HEADER, ErrorCode.HEADER_BAD_MESSAGE_LENGTH,
                    lengthData(body.readableBytes() + BgpMessage.HEADER_LENGTH), "UPDATE shorter than 23 octets (RFC 4271 §6.1)");
        }
        int withdrawnLength = body.readUnsignedShort();
        // RFC 4271 §6.3: "Withdrawn Routes Length + Total Attribute Length + 23 exceeds the message Length"
        if (withdrawnLength > body.readableBytes() - 2) {
            return MessageError.reset(UPDATE_MESSAGE, UPDATE_MALFORMED_ATTRIBUTE_LIST, Octets.EMPTY,
                    "Withdrawn Routes Length " + withdrawnLength + " overruns the message (RFC 4271 §6.3)");
        }
        List<Nlri> withdrawn;
        try {
            withdrawn = NlriCodec.decode(body.readSlice(withdrawnLength), Family.IPV4_UNICAST, facts.addPath(Family.IPV4_UNICAST));
        } catch (NlriCodec.InvalidNlri e) {
            return MessageError.reset(UPDATE_MESSAGE, UPDATE_INVALID_NETWORK_FIELD, Octets.EMPTY,
                    "withdrawn routes: " + e.getMessage() + " (RFC 7606 §5.3)");
        }
        int attributesLength = body.readUnsignedShort();
        if (attributesLength > body.readableBytes()) {
            return MessageError.reset(UPDATE_MESSAGE, UPDATE_MALFORMED_ATTRIBUTE_LIST, Octets.EMPTY,
                    "Total Path Attribute Length " + attributesLength + " overruns the message (RFC 4271 §6.3)");
        }
        List<PathAttribute> attributes = decodeAttributes(body.readSlice(attributesLength), facts, errors);
        if (errors.worst == Disposition.SESSION_RESET) return errors.toError(null, List.of());
        List<Nlri> nlri;
        try {
            nlri = NlriCodec.decode(body, Family.IPV4_UNICAST, facts.addPath(Family.IPV4_UNICAST));
        } catch (NlriCodec.InvalidNlri e) {
            // Session reset; the part before the bad prefix is kept for diagnostics and MRT viewers.
            return new MessageError(UPDATE_MESSAGE, UPDATE_INVALID_NETWORK_FIELD, Octets.EMPTY, Disposition.SESSION_RESET,
                    "NLRI: " + e.getMessage() + " (RFC 7606 §5.3)", new Update(withdrawn, attributes, e.parsed()), List.of(), 1);
        }
        Update update = new Update(withdrawn, attributes, nlri);
        checkMandatory(update, errors);
        if (!errors.any()) return new DecodeResult.Decoded(update);
        // RFC 7606 §5.2: attributes other than MP_UNREACH_NLRI but no reachable NLRI: "if any
        // encountered error specifies an error-handling approach other than "attribute discard",
        // then the "session reset" approach MUST be used". The update is kept for diagnostics only.
        if (errors.worst != Disposition.ATTRIBUTE_DISCARD && errors.otherThanMpUnreach && update.announced().isEmpty()) {
            return new MessageError(errors.code, errors.subcode, errors.data, Disposition.SESSION_RESET,
                    errors.reason + "; no reachable NLRI (RFC 7606 §5.2)", update, List.of(), errors.count);
        }
        List<Nlri> withdraw = errors.worst == Disposition.TREAT_AS_WITHDRAW ? update.announced() : List.of();
        return errors.toError(update, withdraw);
    }

    /** Decodes a path attribute list on its own, as found in MRT RIB entries (RFC 6396 §4.3.4). */
    public static AttributeList decodeAttributes(ByteBuf field, SessionFacts facts) {
        Errors errors = new Errors();
        List<PathAttribute> list = decodeAttributes(field, facts, errors);
        return new AttributeList(list, errors.any() ? errors.toError(new Update(List.of(), list, List.of()), List.of()) : null);
    }

    static List<PathAttribute> decodeAttributes(ByteBuf field, SessionFacts facts, Errors errors) {
        List<PathAttribute> out = new ArrayList<>(8);
        long seenLow = 0, seenHigh = 0, seenRest0 = 0, seenRest1 = 0; // one bit per type code 0..255
        while (field.isReadable()) {
            int start = field.readerIndex();
            int remaining = field.readableBytes();
            int flags = field.getUnsignedByte(start);
            int headerLength = (flags & PathAttribute.EXTENDED_LENGTH) != 0 ? 4 : 3;
            // RFC 7606 §4: too few octets for an attribute header, or a length that overruns the
            // Total Path Attribute Length: treat-as-withdraw, and the total length finds the NLRI.
            if (remaining < headerLength) {
                errors.otherThanMpUnreach = true;
                errors.add(UPDATE_MESSAGE, UPDATE_MALFORMED_ATTRIBUTE_LIST, Octets.EMPTY, Disposition.TREAT_AS_WITHDRAW,
                        remaining + " octets left, too few for an attribute header (RFC 7606 §4)");
                break;
            }
            field.skipBytes(1);
            int type = field.readUnsignedByte();
            int length = headerLength == 4 ? field.readUnsignedShort() : field.readUnsignedByte();
            boolean mp = type == PathAttribute.MP_REACH_NLRI || type == PathAttribute.MP_UNREACH_NLRI;
            if (type != PathAttribute.MP_UNREACH_NLRI) errors.otherThanMpUnreach = true;
            if (length > field.readableBytes()) {
                // RFC 7606 §3 (j): treat-as-withdraw needs MP_REACH_NLRI / MP_UNREACH_NLRI "successfully
                // parsed"; cut short, their routes are unknown, so the session is reset instead.
                errors.add(UPDATE_MESSAGE, ErrorCode.UPDATE_ATTRIBUTE_LENGTH_ERROR, Octets.EMPTY,
                        mp ? Disposition.SESSION_RESET : Disposition.TREAT_AS_WITHDRAW,
                        AttributeTable.name(type) + " length " + length + " overruns the attribute list (RFC 7606 §4"
                                + (mp ? ", §3 j)" : ")"));
                break;
            }
            ByteBuf value = field.readSlice(length);
            boolean seen;
            long bit = 1L << (type & 63);
            switch (type >>> 6) {
                case 0 -> { seen = (seenLow & bit) != 0; seenLow |= bit; }
                case 1 -> { seen = (seenHigh & bit) != 0; seenHigh |= bit; }
                case 2 -> { seen = (seenRest0 & bit) != 0; seenRest0 |= bit; }
                default -> { seen = (seenRest1 & bit) != 0; seenRest1 |= bit; }
            }
            if (seen) {
                if (type == PathAttribute.MP_REACH_NLRI || type == PathAttribute.MP_UNREACH_NLRI) {
                    // RFC 7606 §3 (g): MP_REACH_NLRI or MP_UNREACH_NLRI more than once: session reset.
                    errors.add(UPDATE_MESSAGE, UPDATE_MALFORMED_ATTRIBUTE_LIST, Octets.EMPTY, Disposition.SESSION_RESET,
                            AttributeTable.name(type) + " appears more than once (RFC 7606 §3 g)");
                    return out;
                }
                // RFC 7606 §3 (g): any other attribute more than once: keep the first, discard the rest.
                errors.add(UPDATE_MESSAGE, UPDATE_MALFORMED_ATTRIBUTE_LIST, attributeData(field, start), Disposition.ATTRIBUTE_DISCARD,
                        AttributeTable.name(type) + " appears more than once; later copies discarded (RFC 7606 §3 g)");
                continue;
            }
            AttributeTable.Row row = AttributeTable.row(type);
            if (row == null) {
                if ((flags & PathAttribute.OPTIONAL) == 0) {
                    // RFC 4271 §6.3: an unrecognized well-known attribute.
                    errors.add(UPDATE_MESSAGE, UPDATE_UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE, attributeData(field, start),
                            Disposition.SESSION_RESET, "unrecognized well-known attribute type " + type + " (RFC 4271 §6.3)");
                    return out;
                }
                out.add(new UnknownAttribute(flags, type, Octets.read(value, length)));
                continue;
            }
            PathAttribute attribute;
            try {
                attribute = AttributeTable.decode(row, flags, value, facts);
            } catch (Malformed m) {
                errors.add(UPDATE_MESSAGE, m.subcode(), attributeData(field, start), row.onMalformed(),
                        m.getMessage() + " (" + row.rule() + ")");
                if (row.onMalformed() == Disposition.SESSION_RESET) return out;
                continue;
            }
            if ((flags & (PathAttribute.OPTIONAL | PathAttribute.TRANSITIVE)) != row.flags()) {
                Disposition d = row.onFlagsConflict();
                errors.add(UPDATE_MESSAGE, UPDATE_ATTRIBUTE_FLAGS_ERROR, attributeData(field, start), d,
                        String.format("%s flags 0x%02x conflict with its definition (RFC 7606 §3 c)", row.name(), flags));
                if (d == Disposition.ATTRIBUTE_DISCARD) continue;
            }
            if (attribute instanceof AsPath p && hasAsZero(p.segments())) {
                // RFC 7607 §2: AS 0 in AS_PATH is malformed, handled per RFC 7606: treat-as-withdraw.
                errors.add(UPDATE_MESSAGE, UPDATE_MALFORMED_AS_PATH, attributeData(field, start), Disposition.TREAT_AS_WITHDRAW,
                        "AS_PATH contains AS 0 (RFC 7607 §2)");
            } else if (attribute instanceof As4Path p && hasAsZero(p.segments())) {
                errors.add(UPDATE_MESSAGE, UPDATE_MALFORMED_AS_PATH, attributeData(field, start), Disposition.ATTRIBUTE_DISCARD,
                        "AS4_PATH contains AS 0 (RFC 7607 §2, RFC 6793 §6)");
                continue;
            }
            out.add(attribute);
        }
        return out;
    }

    /** RFC 7606 §3 (d): a well-known mandatory attribute is missing: treat-as-withdraw. */
    private static void checkMandatory(Update u, Errors errors) {
        boolean hasV4Nlri = !u.nlri().isEmpty();
        MpReachNlri mp = u.get(MpReachNlri.class);
        if (!hasV4Nlri && mp == null) return; // nothing announced: nothing is mandatory (RFC 7606 §5.2)
        boolean origin = false, asPath = false, nextHop = false;
        for (PathAttribute a : u.attributes()) {
            switch (a.typeCode()) {
                case PathAttribute.ORIGIN -> origin = true;
                case PathAttribute.AS_PATH -> asPath = true;
                case PathAttribute.NEXT_HOP -> nextHop = true;
                default -> { }
            }
        }
        if (!origin) missing(errors, PathAttribute.ORIGIN);
        if (!asPath) missing(errors, PathAttribute.AS_PATH);
        // RFC 4760 §3: NEXT_HOP is needed only for routes in the NLRI field.
        if (hasV4Nlri && !nextHop) missing(errors, PathAttribute.NEXT_HOP);
    }

    private static void missing(Errors errors, int type) {
        // RFC 4271 §6.3: the Data field contains the Attribute Type Code of the missing attribute.
        errors.add(UPDATE_MESSAGE, UPDATE_MISSING_WELL_KNOWN_ATTRIBUTE, Octets.of((byte) type), Disposition.TREAT_AS_WITHDRAW,
                "missing well-known mandatory attribute " + AttributeTable.name(type) + " (RFC 7606 §3 d)");
    }

    private static boolean hasAsZero(List<Segment> segments) {
        for (Segment s : segments) if (s.contains(0)) return true;
        return false;
    }

    /** RFC 4271 §6.3: the Data field holds the erroneous attribute (type, length and value). */
    private static Octets attributeData(ByteBuf field, int start) {
        return Octets.read(field.duplicate().readerIndex(start), field.readerIndex() - start);
    }

    static Octets lengthData(int length) {
        return Octets.of((byte) (length >>> 8), (byte) length);
    }
}
