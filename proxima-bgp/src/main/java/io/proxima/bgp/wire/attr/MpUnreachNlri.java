package io.proxima.bgp.wire.attr;

import static io.proxima.bgp.wire.ErrorCode.UPDATE_OPTIONAL_ATTRIBUTE_ERROR;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.Octets;
import io.proxima.bgp.wire.SessionFacts;
import io.proxima.bgp.wire.nlri.Nlri;
import io.proxima.bgp.wire.nlri.NlriCodec;
import java.util.List;

/**
 * MP_UNREACH_NLRI (RFC 4760 §4): optional non-transitive. AFI (2), SAFI (1), withdrawn routes.
 * An UPDATE holding only an empty MP_UNREACH_NLRI is End-of-RIB for that family (RFC 4724 §2).
 * Unparseable withdrawn routes: session reset (RFC 7606 §5.3).
 */
public record MpUnreachNlri(int flags, Family family, List<Nlri> withdrawn, Octets unparsedNlri) implements PathAttribute {

    public MpUnreachNlri {
        withdrawn = List.copyOf(withdrawn);
    }

    public static MpUnreachNlri of(Family family, List<Nlri> withdrawn) {
        return new MpUnreachNlri(OPTIONAL, family, withdrawn, Octets.EMPTY);
    }

    static MpUnreachNlri decode(int flags, ByteBuf v, SessionFacts facts) throws Malformed {
        if (v.readableBytes() < 3) {
            throw new Malformed(UPDATE_OPTIONAL_ATTRIBUTE_ERROR, "MP_UNREACH_NLRI length " + v.readableBytes() + " is too short");
        }
        Family family = Family.of(v.readUnsignedShort(), v.readUnsignedByte());
        if (!family.hasPrefixNlri()) return new MpUnreachNlri(flags, family, List.of(), Octets.read(v, v.readableBytes()));
        try {
            return new MpUnreachNlri(flags, family, NlriCodec.decode(v, family, facts.addPath(family)), Octets.EMPTY);
        } catch (NlriCodec.InvalidNlri e) {
            throw new Malformed(UPDATE_OPTIONAL_ATTRIBUTE_ERROR, "MP_UNREACH_NLRI " + family + ": " + e.getMessage());
        }
    }

    @Override public int typeCode() { return MP_UNREACH_NLRI; }

    @Override
    public int valueLength(SessionFacts facts) {
        return 3 + NlriCodec.encodedLength(withdrawn, facts.addPath(family)) + unparsedNlri.length();
    }

    @Override
    public void writeValue(ByteBuf out, SessionFacts facts) {
        out.writeShort(family.afi()).writeByte(family.safi());
        NlriCodec.encode(withdrawn, out, facts.addPath(family));
        unparsedNlri.write(out);
    }
}
