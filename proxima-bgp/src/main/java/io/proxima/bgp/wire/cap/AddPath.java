package io.proxima.bgp.wire.cap;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.Family;
import java.util.List;

/** ADD-PATH capability (RFC 7911 §4): AFI (2), SAFI (1), Send/Receive (1), repeated. */
public record AddPath(List<Entry> entries) implements Capability {
    public static final int RECEIVE = 1;
    public static final int SEND = 2;
    public static final int BOTH = 3;

    public record Entry(Family family, int sendReceive) {
        public boolean canReceive() { return (sendReceive & RECEIVE) != 0; }
        public boolean canSend() { return (sendReceive & SEND) != 0; }
    }

    public AddPath {
        entries = List.copyOf(entries);
    }
    @Override public int code() { return ADD_PATH; }
    @Override public void writeValue(ByteBuf out) {
        for (Entry e : entries) out.writeShort(e.family().afi()).writeByte(e.family().safi()).writeByte(e.sendReceive());
    }
}
