package io.proxima.bgp.wire;

/**
 * ROUTE-REFRESH (RFC 2918 §3) with the RFC 7313 §3.2 message subtype in the old reserved octet.
 * <pre>
 *   0       7      15      23      31
 *   +-------+-------+-------+-------+
 *   |      AFI      | Subtype| SAFI |
 *   +-------+-------+-------+-------+
 * </pre>
 */
public record RouteRefresh(Family family, int subtype) implements BgpMessage {

    public static final int NORMAL = 0;
    /** Beginning of Route Refresh, RFC 7313. */
    public static final int BORR = 1;
    /** End of Route Refresh, RFC 7313. */
    public static final int EORR = 2;
    public static final int BODY_LENGTH = 4;

    public RouteRefresh {
        if (subtype < 0 || subtype > 0xFF) throw new IllegalArgumentException("subtype " + subtype);
    }

    public static RouteRefresh request(Family family) {
        return new RouteRefresh(family, NORMAL);
    }

    @Override
    public int type() {
        return TYPE_ROUTE_REFRESH;
    }

    public String subtypeName() {
        return switch (subtype) {
            case NORMAL -> "request";
            case BORR -> "BoRR";
            case EORR -> "EoRR";
            default -> "reserved(" + subtype + ")";
        };
    }
}
