package io.proxima.bgp.rib;

/**
 * One candidate path for a prefix in the Loc-RIB: who it came from, its ADD-PATH path identifier
 * (RFC 7911; 0 without ADD-PATH) and its attributes. The prefix is the Loc-RIB's key and is not
 * repeated here.
 */
public record Path(PeerId peer, long pathId, Attributes attributes) {

    public Path {
        if (peer == null || attributes == null) throw new NullPointerException("peer and attributes are required");
    }

    /** Whether {@code other} is the same path (same peer and path identifier), whatever its attributes. */
    public boolean sameSource(Path other) {
        return pathId == other.pathId && (peer == other.peer || peer.equals(other.peer));
    }

    @Override
    public String toString() {
        return "via " + peer + (pathId == 0 ? "" : " path-id " + pathId) + " " + attributes;
    }
}
