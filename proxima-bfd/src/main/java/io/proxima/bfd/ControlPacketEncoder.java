package io.proxima.bfd;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** {@link ControlPacket} → octets, the layout in {@link ControlPacketDecoder}'s diagram. */
public final class ControlPacketEncoder {

    private ControlPacketEncoder() {
    }

    public static byte[] toBytes(ControlPacket p) {
        ByteBuf b = Unpooled.buffer(p.length());
        encode(p, b);
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }

    /** Writes {@code p} at the writer index of {@code out}. */
    public static void encode(ControlPacket p, ByteBuf out) {
        int flags = p.state().code() << ControlPacketDecoder.STATE_SHIFT;
        if (p.poll()) flags |= ControlPacketDecoder.FLAG_POLL;
        if (p.fin()) flags |= ControlPacketDecoder.FLAG_FINAL;
        if (p.controlPlaneIndependent()) flags |= ControlPacketDecoder.FLAG_CPI;
        if (p.authentication().isPresent()) flags |= ControlPacketDecoder.FLAG_AUTH;
        if (p.demand()) flags |= ControlPacketDecoder.FLAG_DEMAND;
        out.writeByte(ControlPacket.VERSION << ControlPacketDecoder.VERSION_SHIFT | p.diagnostic().code());
        out.writeByte(flags);
        out.writeByte(p.detectMult());
        out.writeByte(p.length());
        out.writeInt(p.myDiscriminator());
        out.writeInt(p.yourDiscriminator());
        out.writeInt((int) p.desiredMinTxMicros());
        out.writeInt((int) p.requiredMinRxMicros());
        out.writeInt((int) p.requiredMinEchoRxMicros());
        if (p.authentication().isPresent()) encode(p.authentication().get(), out);
    }

    private static void encode(Authentication a, ByteBuf out) {
        out.writeByte(a.type());
        out.writeByte(a.length());
        switch (a) {
            case Authentication.SimplePassword s -> {
                out.writeByte(s.keyId());
                out.writeBytes(s.password());
            }
            case Authentication.KeyedDigest k -> {
                out.writeByte(k.keyId());
                out.writeByte(0); // Reserved: zero on transmit (§4.3, §4.4)
                out.writeInt((int) k.sequence());
                out.writeBytes(k.digest());
            }
            case Authentication.Unknown u -> out.writeBytes(u.data());
        }
    }
}
