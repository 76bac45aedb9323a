package io.proxima.bgp.wire.attr;

import static io.proxima.bgp.wire.ErrorCode.UPDATE_MALFORMED_AS_PATH;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.SessionFacts;
import java.util.List;

/**
 * AS4_PATH (RFC 6793 §3): optional transitive, always 4-octet AS numbers, sent by a speaker on a
 * 2-octet session beside an AS_PATH that uses AS_TRANS. Malformed: attribute discard (RFC 6793 §6).
 */
public record As4Path(int flags, List<Segment> segments) implements PathAttribute {

    public As4Path(List<Segment> segments) {
        this(OPTIONAL | TRANSITIVE, segments);
    }

    public As4Path {
        segments = List.copyOf(segments);
    }

    static As4Path decode(int flags, ByteBuf v, SessionFacts facts) throws Malformed {
        List<Segment> segs = AsPath.decodeSegments(v, true, "AS4_PATH");
        for (Segment s : segs) {
            // RFC 6793 §6: confederation segments in AS4_PATH make it malformed.
            if (s.isConfed()) throw new Malformed(UPDATE_MALFORMED_AS_PATH, "AS4_PATH carries a confederation segment");
        }
        return new As4Path(flags, segs);
    }

    @Override public int typeCode() { return AS4_PATH; }
    @Override public int valueLength(SessionFacts facts) { return AsPath.segmentsLength(segments, true); }
    @Override public void writeValue(ByteBuf out, SessionFacts facts) { AsPath.writeSegments(segments, out, true); }

    @Override
    public String toString() {
        return "As4Path[" + Segment.format(segments) + "]";
    }
}
