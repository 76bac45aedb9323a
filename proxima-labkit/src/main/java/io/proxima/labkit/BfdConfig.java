package io.proxima.labkit;

import java.util.ArrayList;
import java.util.List;

/**
 * BFD for a lab daemon: the timers of all its sessions, static sessions not tied to BGP, and (BIRD
 * only) authentication. Renders into BIRD's {@code protocol bfd} and FRR's bfdd {@code bfd} block;
 * BGP peers with {@link Peer#bfd()} use the same timers (FRR through a profile).
 *
 * @param minRxMs    required minimum receive interval, ms (BIRD {@code min rx interval}, FRR {@code receive-interval})
 * @param minTxMs    desired minimum transmit interval, ms (BIRD {@code min tx interval}, FRR {@code transmit-interval})
 * @param multiplier detection multiplier
 * @param neighbors  static sessions (BIRD {@code neighbor}, FRR {@code peer})
 * @param auth       BIRD {@code authentication} type keyword (e.g. {@code "keyed sha1"}), or null for none
 * @param password   the password or key, with {@code auth}
 * @param keyId      the key ID, with {@code auth}
 */
public record BfdConfig(int minRxMs, int minTxMs, int multiplier, List<BfdNeighbor> neighbors, String auth,
                        String password, int keyId) {

    /** FRR's bfdd accepts 10..60000 ms; BIRD more. Both need a nonzero one-octet multiplier. */
    static final int MIN_INTERVAL_MS = 10;
    static final int MAX_INTERVAL_MS = 60_000;
    static final int MAX_MULTIPLIER = 255;
    /** The FRR profile that the neighbors and BGP peers use. */
    static final String FRR_PROFILE = "labkit";

    public BfdConfig {
        neighbors = List.copyOf(neighbors);
        for (int ms : new int[] {minRxMs, minTxMs}) {
            if (ms < MIN_INTERVAL_MS || ms > MAX_INTERVAL_MS) throw new IllegalArgumentException("BFD interval " + ms + " ms");
        }
        if (multiplier < 1 || multiplier > MAX_MULTIPLIER) throw new IllegalArgumentException("BFD multiplier " + multiplier);
        if ((auth == null) != (password == null)) throw new IllegalArgumentException("BFD authentication needs both a type and a password");
    }

    /** These timers, no static sessions, no authentication. */
    public static BfdConfig timers(int minRxMs, int minTxMs, int multiplier) {
        return new BfdConfig(minRxMs, minTxMs, multiplier, List.of(), null, null, 0);
    }

    /** Adds a static session to {@code address} from {@code localAddress} on {@code interfaceName}. */
    public BfdConfig withNeighbor(String address, String localAddress, String interfaceName) {
        List<BfdNeighbor> l = new ArrayList<>(neighbors);
        l.add(new BfdNeighbor(address, localAddress, interfaceName));
        return new BfdConfig(minRxMs, minTxMs, multiplier, l, auth, password, keyId);
    }

    /** BIRD only: {@code authentication TYPE; password "…" { id N; };} (FRR 8.4's bfdd has no authentication). */
    public BfdConfig withAuthentication(String birdType, String secret, int id) {
        return new BfdConfig(minRxMs, minTxMs, multiplier, neighbors, birdType, secret, id);
    }

    /**
     * @param address       the neighbor
     * @param localAddress  our source address
     * @param interfaceName the link
     */
    public record BfdNeighbor(String address, String localAddress, String interfaceName) {
    }
}
