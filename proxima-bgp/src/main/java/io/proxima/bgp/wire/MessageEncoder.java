package io.proxima.bgp.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.proxima.bgp.wire.attr.PathAttribute;
import io.proxima.bgp.wire.cap.Capability;
import io.proxima.bgp.wire.nlri.NlriCodec;
import java.util.List;

/** Encodes messages to the wire, header included. Pure; refuses a message too long for the session. */
public final class MessageEncoder {

    private MessageEncoder() {
    }

    public static byte[] toBytes(BgpMessage m, SessionFacts facts) {
        ByteBuf b = Unpooled.buffer(64);
        try {
            encode(m, facts, b);
            byte[] out = new byte[b.readableBytes()];
            b.readBytes(out);
            return out;
        } finally {
            b.release();
        }
    }

    public static void encode(BgpMessage m, SessionFacts facts, ByteBuf out) {
        int start = out.writerIndex();
        for (int i = 0; i < BgpMessage.MARKER_LENGTH; i++) out.writeByte(0xFF);
        out.writeShort(0).writeByte(m.type());
        switch (m) {
            case Open o -> writeOpen(o, out);
            case Update u -> writeUpdate(u, facts, out);
            case Notification n -> { out.writeByte(n.code()).writeByte(n.subcode()); n.data().write(out); }
            case Keepalive k -> { }
            case RouteRefresh r -> out.writeShort(r.family().afi()).writeByte(r.subtype()).writeByte(r.family().safi());
        }
        int length = out.writerIndex() - start;
        if (length > facts.maxMessageLength()) {
            out.writerIndex(start);
            throw new IllegalArgumentException("message of " + length + " octets exceeds " + facts.maxMessageLength());
        }
        out.setShort(start + BgpMessage.MARKER_LENGTH, length);
    }

    /** The encoded size of an UPDATE, header included: what the packer measures before sending. */
    public static int updateLength(Update u, SessionFacts facts) {
        boolean ap = facts.addPath(Family.IPV4_UNICAST);
        int n = BgpMessage.HEADER_LENGTH + Update.FIXED_LENGTH + NlriCodec.encodedLength(u.withdrawn(), ap)
                + NlriCodec.encodedLength(u.nlri(), ap);
        for (PathAttribute a : u.attributes()) n += a.encodedLength(facts);
        return n;
    }

    private static void writeUpdate(Update u, SessionFacts facts, ByteBuf out) {
        boolean ap = facts.addPath(Family.IPV4_UNICAST);
        out.writeShort(NlriCodec.encodedLength(u.withdrawn(), ap));
        NlriCodec.encode(u.withdrawn(), out, ap);
        int lenAt = out.writerIndex();
        out.writeShort(0);
        for (PathAttribute a : u.attributes()) a.write(out, facts);
        out.setShort(lenAt, out.writerIndex() - lenAt - 2);
        NlriCodec.encode(u.nlri(), out, ap);
    }

    private static void writeOpen(Open o, ByteBuf out) {
        out.writeByte(o.version()).writeShort(o.myAs()).writeShort(o.holdTime());
        o.bgpIdentifier().write(out);
        int total = 0;
        for (List<Capability> p : o.parameters()) total += 2 + capabilitiesLength(p);
        // RFC 9072 §2: the extended form only when the parameters do not fit 255 octets.
        boolean extended = total > 255 || o.parameters().stream().anyMatch(p -> capabilitiesLength(p) > 255);
        if (extended) {
            int ext = 0;
            for (List<Capability> p : o.parameters()) ext += 3 + capabilitiesLength(p);
            out.writeByte(Open.PARAM_EXTENDED_LENGTH).writeByte(Open.PARAM_EXTENDED_LENGTH).writeShort(ext);
        } else {
            out.writeByte(total);
        }
        for (List<Capability> p : o.parameters()) {
            out.writeByte(Open.PARAM_CAPABILITIES);
            if (extended) out.writeShort(capabilitiesLength(p)); else out.writeByte(capabilitiesLength(p));
            for (Capability c : p) {
                out.writeByte(c.code());
                int lenAt = out.writerIndex();
                out.writeByte(0);
                c.writeValue(out);
                int len = out.writerIndex() - lenAt - 1;
                if (len > Capability.MAX_VALUE_LENGTH) throw new IllegalArgumentException("capability " + c.code() + " too long");
                out.setByte(lenAt, len);
            }
        }
    }

    private static int capabilitiesLength(List<Capability> caps) {
        ByteBuf scratch = Unpooled.buffer(32);
        try {
            int n = 0;
            for (Capability c : caps) {
                scratch.clear();
                c.writeValue(scratch);
                n += 2 + scratch.readableBytes();
            }
            return n;
        } finally {
            scratch.release();
        }
    }
}
