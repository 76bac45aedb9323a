package io.proxima.bfd.interop;

import io.proxima.labkit.BfdConfig;
import io.proxima.labkit.BfdDaemon;
import io.proxima.labkit.Bird;
import io.proxima.labkit.BirdConfig;
import io.proxima.labkit.Frr;
import io.proxima.labkit.FrrConfig;
import io.proxima.labkit.Netns;
import io.proxima.labkit.Peer;
import java.util.List;

/**
 * A kind of router on the other end of an interop test: {@link #BIRD} or {@link #FRR}. The
 * scenarios reach the running router through {@link BfdDaemon}; the lab stops it when it closes.
 *
 * @param name     for messages and namespace names
 * @param binaries what it needs beside the lab's own, for {@link io.proxima.labkit.LabSupport#assumeLab}
 * @param starter  starts it
 * @param <D>      its driver, for what only it has (BIRD's reconfiguration, FRR's vtysh)
 */
record BfdRouter<D extends BfdDaemon>(String name, List<String> binaries, Starter<D> starter) {

    /** BIRD 2: {@code protocol bfd} with static {@code neighbor}s, and {@code bfd on} in each {@code protocol bgp}. */
    static final BfdRouter<Bird> BIRD = new BfdRouter<>("BIRD", List.of("bird", "birdc"), BfdRouter::startBird);
    /** FRR 8.4: bfdd with static {@code peer}s in a profile, and {@code neighbor X bfd} in bgpd. */
    static final BfdRouter<Frr> FRR = new BfdRouter<>("FRR",
            List.of("vtysh", "/usr/lib/frr/zebra", "/usr/lib/frr/bfdd", "/usr/lib/frr/bgpd"), BfdRouter::startFrr);

    interface Starter<D> {
        D start(Netns ns, String routerId, long as, BfdConfig bfd, List<Peer> peers);
    }

    /** Starts it in {@code ns} with its BFD timers and static sessions, and BGP peers (none for BFD alone). */
    D start(Netns ns, String routerId, long as, BfdConfig bfd, List<Peer> peers) {
        return starter.start(ns, routerId, as, bfd, peers);
    }

    /** Kernel export only with BGP peers: without them there is nothing to put in the FIB. */
    private static Bird startBird(Netns ns, String routerId, long as, BfdConfig bfd, List<Peer> peers) {
        BirdConfig config = BirdConfig.router(routerId, as).withKernelExport(!peers.isEmpty()).withBfd(bfd);
        for (Peer p : peers) config = config.withPeer(p);
        return Bird.start(ns, "bird", config);
    }

    private static Frr startFrr(Netns ns, String routerId, long as, BfdConfig bfd, List<Peer> peers) {
        FrrConfig config = FrrConfig.router(routerId, as).withBfd(bfd);
        for (Peer p : peers) config = config.withPeer(p);
        return Frr.start(ns, "frr", config);
    }
}
