package io.proxima.bgp.wire.nlri;

import io.proxima.bgp.wire.Prefix;

/**
 * One reachability entry: a prefix, and its ADD-PATH path identifier (RFC 7911 §3). The identifier
 * is on the wire only where ADD-PATH was negotiated for the family; elsewhere it is 0.
 */
public record Nlri(long pathId, Prefix prefix) {

    public static final long MAX_PATH_ID = 0xFFFF_FFFFL;

    public Nlri {
        if (pathId < 0 || pathId > MAX_PATH_ID) throw new IllegalArgumentException("path id " + pathId);
        if (prefix == null) throw new NullPointerException("prefix");
    }

    public static Nlri of(Prefix prefix) {
        return new Nlri(0, prefix);
    }

    public static Nlri of(String prefix) {
        return new Nlri(0, Prefix.parse(prefix));
    }

    @Override
    public String toString() {
        return pathId == 0 ? prefix.toString() : prefix + " path-id " + pathId;
    }
}
