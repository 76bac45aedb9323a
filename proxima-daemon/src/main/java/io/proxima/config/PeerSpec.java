package io.proxima.config;

import io.proxima.bgp.wire.IpAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One router we peer with, as configured. The password is named by a file, never written in the
 * config; {@link io.proxima.daemon.Daemon} reads it when it builds the session.
 *
 * @param port            the router's BGP port, 179 unless given
 * @param localAddress    the address our side binds to
 * @param passive         wait for the router to connect
 * @param holdTime        0, or at least 3 s
 * @param multihop        eBGP TTL; 0: the default (1 for eBGP)
 * @param gtsm            RFC 5082
 * @param passwordFile    TCP MD5 key file (RFC 2385)
 * @param nextHopV4       next hop for IPv4 routes when the session runs over IPv6
 * @param nextHopV6       next hop for IPv6 routes when the session runs over IPv4; an IPv6
 *                        service needs one on an IPv4 session
 * @param gracefulRestart seconds to offer (RFC 4724), or -1: off (the default, see DESIGN.md rule 4)
 * @param bfd             BFD beside the session, if set
 */
public record PeerSpec(IpAddress address, long remoteAs, int port, Optional<IpAddress> localAddress, boolean passive,
                       Duration holdTime, int multihop, boolean gtsm, Optional<Path> passwordFile,
                       Optional<IpAddress> nextHopV4, Optional<IpAddress> nextHopV6, int gracefulRestart,
                       Optional<BfdSpec> bfd) {

    public static final Duration DEFAULT_HOLD_TIME = Duration.ofSeconds(90);

    /** This peer with BFD left out: what decides whether a reload resets the BGP session. */
    public PeerSpec withoutBfd() {
        return new PeerSpec(address, remoteAs, port, localAddress, passive, holdTime, multihop, gtsm, passwordFile, nextHopV4, nextHopV6,
                gracefulRestart, Optional.empty());
    }

    /** BFD asynchronous mode timers (RFC 5880 §6.8.1). */
    public record BfdSpec(Duration interval, int multiplier) { }
}
