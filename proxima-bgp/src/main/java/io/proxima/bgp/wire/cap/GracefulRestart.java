package io.proxima.bgp.wire.cap;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.Family;
import java.util.List;

/**
 * Graceful Restart capability (RFC 4724 §3):
 * <pre>
 *   +--------------------------------------------------+
 *   | Restart Flags (4 bits) | Restart Time (12 bits)  |
 *   +--------------------------------------------------+
 *   | AFI (16 bits) | SAFI (8 bits) | AF Flags (8 bits) |  repeated
 *   +--------------------------------------------------+
 * </pre>
 */
public record GracefulRestart(int restartFlags, int restartTime, List<Entry> entries) implements Capability {
    /** Restart State bit (R): the sender has restarted. */
    public static final int FLAG_RESTART_STATE = 0x8;
    /** RFC 8538 §2: Notification (N) bit. */
    public static final int FLAG_NOTIFICATION = 0x4;
    /** Forwarding State bit (F) in the per-family flags. */
    public static final int AF_FORWARDING_STATE = 0x80;
    public static final int MAX_RESTART_TIME = 0x0FFF;

    public record Entry(Family family, int flags) { }

    public GracefulRestart {
        if (restartFlags < 0 || restartFlags > 0xF) throw new IllegalArgumentException("restart flags " + restartFlags);
        if (restartTime < 0 || restartTime > MAX_RESTART_TIME) throw new IllegalArgumentException("restart time " + restartTime);
        entries = List.copyOf(entries);
    }
    @Override public int code() { return GRACEFUL_RESTART; }
    @Override public void writeValue(ByteBuf out) {
        out.writeShort((restartFlags << 12) | restartTime);
        for (Entry e : entries) out.writeShort(e.family().afi()).writeByte(e.family().safi()).writeByte(e.flags());
    }
}
