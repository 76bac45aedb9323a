package io.proxima.bgp.session;

import io.proxima.bgp.fsm.FsmConfig;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import java.util.Optional;
import java.util.Set;

/**
 * One configured neighbour.
 *
 * @param port          the peer's BGP port (179; tests on loopback use others)
 * @param localAddress  the address to bind outgoing connections to, if any
 * @param passive       never connect; wait for the peer
 * @param holdTime      seconds offered in our OPEN: 0 or 3..65535
 * @param multihop      eBGP: the TTL to send with (RFC 4271 practice: 1 unless multihop N); 0 = default
 * @param gtsm          RFC 5082: send TTL 255 and accept only packets with TTL ≥ 255 − (multihop − 1)
 * @param md5Password   RFC 2385 TCP MD5 signature key (needs native epoll)
 * @param gracefulRestartTime seconds to offer (RFC 4724), or -1: graceful restart is opt-in
 * @param maxPrefixes   Cease / Maximum Number of Prefixes Reached above this many routes (RFC 4486); 0 = no limit
 * @param nextHopV4     next-hop self for IPv4 routes when the session runs over IPv6 (else the session's address)
 * @param nextHopV6     next-hop self for IPv6 routes when the session runs over IPv4 (else the session's address)
 */
public record PeerConfig(IpAddress address, int port, long remoteAs, Optional<IpAddress> localAddress, boolean passive,
                         int holdTime, int multihop, boolean gtsm, Optional<String> md5Password, Set<Family> families,
                         int gracefulRestartTime, int maxPrefixes, FsmConfig fsm, Optional<IpAddress> nextHopV4,
                         Optional<IpAddress> nextHopV6) {

    public static final int BGP_PORT = 179;
    /** RFC 2385 / Linux TCP_MD5SIG_MAXKEYLEN. */
    public static final int MAX_MD5_KEY_LENGTH = 80;
    public static final int MAX_TTL = 255;

    public PeerConfig {
        if (port <= 0 || port > 0xFFFF) throw new IllegalArgumentException("port " + port);
        if (multihop < 0 || multihop > MAX_TTL) throw new IllegalArgumentException("multihop " + multihop);
        if (md5Password.isPresent() && (md5Password.get().isEmpty() || md5Password.get().length() > MAX_MD5_KEY_LENGTH)) {
            throw new IllegalArgumentException("TCP MD5 key must be 1.." + MAX_MD5_KEY_LENGTH + " characters");
        }
        families = Set.copyOf(families);
    }

    /** A neighbour with defaults: port 179, hold 9 s, IPv4 and IPv6 unicast, no MD5, active. */
    public static PeerConfig of(IpAddress address, long remoteAs) {
        return new PeerConfig(address, BGP_PORT, remoteAs, Optional.empty(), false, 9, 0, false, Optional.empty(),
                Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST), -1, 0, FsmConfig.DEFAULT, Optional.empty(), Optional.empty());
    }

    public PeerConfig withPort(int p) {
        return new PeerConfig(address, p, remoteAs, localAddress, passive, holdTime, multihop, gtsm, md5Password, families, gracefulRestartTime, maxPrefixes, fsm, nextHopV4, nextHopV6);
    }

    public PeerConfig withLocalAddress(IpAddress a) {
        return new PeerConfig(address, port, remoteAs, Optional.ofNullable(a), passive, holdTime, multihop, gtsm, md5Password, families, gracefulRestartTime, maxPrefixes, fsm, nextHopV4, nextHopV6);
    }

    public PeerConfig withPassive(boolean p) {
        return new PeerConfig(address, port, remoteAs, localAddress, p, holdTime, multihop, gtsm, md5Password, families, gracefulRestartTime, maxPrefixes, fsm.withPassive(p), nextHopV4, nextHopV6);
    }

    public PeerConfig withHoldTime(int h) {
        return new PeerConfig(address, port, remoteAs, localAddress, passive, h, multihop, gtsm, md5Password, families, gracefulRestartTime, maxPrefixes, fsm, nextHopV4, nextHopV6);
    }

    public PeerConfig withMultihop(int m) {
        return new PeerConfig(address, port, remoteAs, localAddress, passive, holdTime, m, gtsm, md5Password, families, gracefulRestartTime, maxPrefixes, fsm, nextHopV4, nextHopV6);
    }

    public PeerConfig withGtsm(boolean g) {
        return new PeerConfig(address, port, remoteAs, localAddress, passive, holdTime, multihop, g, md5Password, families, gracefulRestartTime, maxPrefixes, fsm, nextHopV4, nextHopV6);
    }

    public PeerConfig withMd5Password(String key) {
        return new PeerConfig(address, port, remoteAs, localAddress, passive, holdTime, multihop, gtsm, Optional.ofNullable(key), families, gracefulRestartTime, maxPrefixes, fsm, nextHopV4, nextHopV6);
    }

    public PeerConfig withGracefulRestart(int seconds) {
        return new PeerConfig(address, port, remoteAs, localAddress, passive, holdTime, multihop, gtsm, md5Password, families, seconds, maxPrefixes, fsm, nextHopV4, nextHopV6);
    }

    public PeerConfig withMaxPrefixes(int n) {
        return new PeerConfig(address, port, remoteAs, localAddress, passive, holdTime, multihop, gtsm, md5Password, families, gracefulRestartTime, n, fsm, nextHopV4, nextHopV6);
    }

    public PeerConfig withFsm(FsmConfig f) {
        return new PeerConfig(address, port, remoteAs, localAddress, passive, holdTime, multihop, gtsm, md5Password, families, gracefulRestartTime, maxPrefixes, f, nextHopV4, nextHopV6);
    }

    public PeerConfig withNextHops(IpAddress v4, IpAddress v6) {
        return new PeerConfig(address, port, remoteAs, localAddress, passive, holdTime, multihop, gtsm, md5Password, families,
                gracefulRestartTime, maxPrefixes, fsm, Optional.ofNullable(v4), Optional.ofNullable(v6));
    }

    public PeerConfig withFamilies(Set<Family> f) {
        return new PeerConfig(address, port, remoteAs, localAddress, passive, holdTime, multihop, gtsm, md5Password, f,
                gracefulRestartTime, maxPrefixes, fsm, nextHopV4, nextHopV6);
    }

    /** The TTL to send with: GTSM 255, else multihop N, else 1 for eBGP and 64 for iBGP. */
    int sendTtl(boolean ebgp) {
        if (gtsm) return SocketOptions.GTSM_TTL;
        if (multihop > 0) return multihop;
        return ebgp ? SocketOptions.EBGP_DEFAULT_TTL : 64;
    }

    /** GTSM's minimum accepted TTL (RFC 5082 §3), or 0 when GTSM is off. */
    int minTtl() {
        if (!gtsm) return 0;
        return SocketOptions.GTSM_TTL - Math.max(multihop, 1) + 1;
    }
}
