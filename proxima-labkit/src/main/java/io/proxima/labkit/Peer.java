package io.proxima.labkit;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One BGP neighbor as a lab daemon should configure it. The same value renders into BIRD, FRR,
 * GoBGP and ExaBGP syntax; a knob a daemon lacks (BFD in GoBGP and ExaBGP) is refused when its
 * config is rendered, not silently dropped.
 *
 * @param address      the neighbor's address
 * @param remoteAs     the neighbor's AS
 * @param families     families to negotiate; by default the address's own
 * @param timers       hold, keepalive, connect retry
 * @param password     TCP MD5 password (RFC 2385), or null
 * @param multihopTtl  0 for a directly connected eBGP peer, else the TTL / hop count
 * @param localAddress source address of the session, or null (ExaBGP requires one)
 * @param localPort    our listening port for this peer (BIRD {@code local … port}, ExaBGP
 *                     {@code listen}), 0 for the default
 * @param remotePort   the neighbor's port, 0 for 179
 * @param passive      never connect, only accept
 * @param importAll    accept its routes (else import none)
 * @param exportAll    send it our routes (else export none)
 * @param bfd          bind the session to BFD (RFC 5882)
 */
public record Peer(String address, long remoteAs, Set<Family> families, Timers timers, String password,
                   int multihopTtl, String localAddress, int localPort, int remotePort, boolean passive,
                   boolean importAll, boolean exportAll, boolean bfd) {

    /** TTL is one octet. */
    static final int MAX_TTL = 255;
    static final int MAX_PORT = 65535;
    /** RFC 6793: AS numbers are four octets. */
    static final long MAX_AS = 0xFFFF_FFFFL;

    public Peer {
        // EnumSet keeps declaration order: configs render IPv4 before IPv6 every time.
        families = families.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(families));
        if (families.isEmpty()) throw new IllegalArgumentException("peer " + address + " needs at least one family");
        if (remoteAs < 1 || remoteAs > MAX_AS) throw new IllegalArgumentException("AS " + remoteAs);
        if (multihopTtl < 0 || multihopTtl > MAX_TTL) throw new IllegalArgumentException("multihop TTL " + multihopTtl);
        if (localPort < 0 || localPort > MAX_PORT || remotePort < 0 || remotePort > MAX_PORT) throw new IllegalArgumentException("port");
    }

    /** A directly connected peer, its address's family, {@link Timers#LAB}, import and export all. */
    public static Peer of(String address, long remoteAs) {
        return new Peer(address, remoteAs, Set.of(Family.of(address)), Timers.LAB, null, 0, null, 0, 0, false, true, true, false);
    }

    public Peer withFamilies(Family first, Family... more) {
        return new Peer(address, remoteAs, EnumSet.of(first, more), timers, password, multihopTtl, localAddress, localPort, remotePort, passive, importAll, exportAll, bfd);
    }

    public Peer withTimers(Timers t) {
        return new Peer(address, remoteAs, families, t, password, multihopTtl, localAddress, localPort, remotePort, passive, importAll, exportAll, bfd);
    }

    public Peer withPassword(String p) {
        return new Peer(address, remoteAs, families, timers, p, multihopTtl, localAddress, localPort, remotePort, passive, importAll, exportAll, bfd);
    }

    public Peer withMultihop(int ttl) {
        return new Peer(address, remoteAs, families, timers, password, ttl, localAddress, localPort, remotePort, passive, importAll, exportAll, bfd);
    }

    public Peer withLocalAddress(String a) {
        return new Peer(address, remoteAs, families, timers, password, multihopTtl, a, localPort, remotePort, passive, importAll, exportAll, bfd);
    }

    public Peer withLocalPort(int port) {
        return new Peer(address, remoteAs, families, timers, password, multihopTtl, localAddress, port, remotePort, passive, importAll, exportAll, bfd);
    }

    public Peer withRemotePort(int port) {
        return new Peer(address, remoteAs, families, timers, password, multihopTtl, localAddress, localPort, port, passive, importAll, exportAll, bfd);
    }

    public Peer withPassive(boolean p) {
        return new Peer(address, remoteAs, families, timers, password, multihopTtl, localAddress, localPort, remotePort, p, importAll, exportAll, bfd);
    }

    public Peer withImport(boolean all) {
        return new Peer(address, remoteAs, families, timers, password, multihopTtl, localAddress, localPort, remotePort, passive, all, exportAll, bfd);
    }

    public Peer withExport(boolean all) {
        return new Peer(address, remoteAs, families, timers, password, multihopTtl, localAddress, localPort, remotePort, passive, importAll, all, bfd);
    }

    public Peer withBfd(boolean on) {
        return new Peer(address, remoteAs, families, timers, password, multihopTtl, localAddress, localPort, remotePort, passive, importAll, exportAll, on);
    }

    boolean ipv6Transport() {
        return address.contains(":");
    }
}
