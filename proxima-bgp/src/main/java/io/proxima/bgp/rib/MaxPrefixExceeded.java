package io.proxima.bgp.rib;

import io.proxima.bgp.wire.ErrorCode;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.Notification;
import io.proxima.bgp.wire.Octets;

/**
 * A peer sent more prefixes of a family than its configured limit. The session closes with
 * {@link #notification()}: Cease / Maximum Number of Prefixes Reached (RFC 4486 §4).
 */
public record MaxPrefixExceeded(Family family, int limit) {

    /**
     * RFC 4486 §4: "the Data field ... SHOULD contain ... the AFI (2 octets), the SAFI (1 octet),
     * and the prefix upper bound (4 octets)".
     */
    public Notification notification() {
        return new Notification(ErrorCode.CEASE, ErrorCode.CEASE_MAX_PREFIXES, Octets.of(
                (byte) (family.afi() >>> 8), (byte) family.afi(), (byte) family.safi(),
                (byte) (limit >>> 24), (byte) (limit >>> 16), (byte) (limit >>> 8), (byte) limit));
    }

    @Override
    public String toString() {
        return "more than " + limit + " " + family + " prefixes (RFC 4486 Cease/1)";
    }
}
