package io.proxima.dns;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import java.util.List;

/**
 * Netty's UDP query decoder, made to turn a datagram it cannot read into a {@link MalformedQuery}
 * instead of an exception: garbage from the network is normal traffic for a DNS server, so it must
 * cost a counter, not a stack trace in the log.
 */
final class GuardedQueryDecoder extends DatagramDnsQueryDecoder {

    /** RFC 1035 section 4.1.1. */
    static final int HEADER_OCTETS = 12;
    private static final int FLAG_QR = 0x8000;

    GuardedQueryDecoder() {
        super(QuestionDecoder.INSTANCE);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, DatagramPacket packet, List<Object> out) {
        ByteBuf b = packet.content();
        int start = b.readerIndex();
        if (b.readableBytes() < HEADER_OCTETS) {
            out.add(new MalformedQuery(packet.sender(), packet.recipient(), 0, 0, false));
            return;
        }
        int id = b.getUnsignedShort(start);
        int flags = b.getUnsignedShort(start + 2);
        if ((flags & FLAG_QR) != 0) {
            out.add(new MalformedQuery(packet.sender(), packet.recipient(), id, flags, false));
            return;
        }
        try {
            super.decode(ctx, packet, out);
        } catch (Exception e) {
            // Netty's decoder has released what it built; only the header is known to be good.
            out.add(new MalformedQuery(packet.sender(), packet.recipient(), id, flags, true));
        }
    }
}
