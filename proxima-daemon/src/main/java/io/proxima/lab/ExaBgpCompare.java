package io.proxima.lab;

import io.proxima.labkit.DaemonProcess;
import io.proxima.labkit.ExaBgp;
import io.proxima.labkit.ExaBgpConfig;
import io.proxima.labkit.Nsd;
import io.proxima.labkit.Peer;
import io.proxima.labkit.Timers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --compare exabgp}: at one site, the service-death scenario for each check profile, then the
 * frozen node; first with Proxima (the site reloaded with the profile's timings; BFD to the router),
 * then with ExaBGP and its healthcheck (Debian's exabgp, {@code python3 -m exabgp healthcheck
 * --withdraw-on-down}) in place of Proxima, at the healthcheck options of the same profile. The
 * service is then NSD (identity = the site's name, so the probes tell the sites apart as before),
 * checked with dig, and killed the same way: the blackhole rule in the site's namespace. ExaBGP has
 * no BFD; the router's BFD session to the site simply never comes up, which neither FRR nor BIRD
 * waits for. So a frozen node (ExaBGP and NSD stopped with SIGSTOP, as the frozen Proxima stops its
 * responder with it) is found by the hold timer alone, at its least: ExaBGP is given hold time
 * {@link #FROZEN_TIMERS} for that part, 3 s, the shortest it accepts. A fresh ExaBGP for each
 * repetition: one that lost its session to a hold timer waits longer before each reconnection.
 */
final class ExaBgpCompare {

    static final String DIG = "dig +time=1 +tries=1 @" + Topology.ANYCAST_IP + " id.server CH TXT";
    static final List<String> BINARIES = List.of("exabgp", "/usr/sbin/nsd", "dig");
    /** ExaBGP's session timers for the frozen node: hold time 3 s, the least it accepts (it has no BFD). */
    static final Timers FROZEN_TIMERS = Timers.FAST;

    private ExaBgpCompare() {
    }

    static String announcer(Profile p) {
        return "ExaBGP healthcheck, " + p.exabgpWhat;
    }

    /** ExaBGP for the frozen node: what finds it out. */
    static String frozenAnnouncer() {
        return "ExaBGP, no BFD: hold time " + FROZEN_TIMERS.holdTime() + " s";
    }

    /**
     * At {@code site}, {@code repeat} times each: service death per profile, then the frozen node;
     * Proxima first, then ExaBGP, which replaces Proxima there.
     */
    static List<LabRun.Result> run(LabRun run, Site site, List<Profile> profiles, int repeat) {
        List<LabRun.Result> results = new ArrayList<>();
        Profile before = site.profile();
        for (Profile p : profiles) {
            run.say("--compare exabgp at %s: Proxima with the %s profile (%s), %d time(s)", site.name(), p, p.what(), repeat);
            site.useProfile(p);
            run.awaitSteady(LabRun.RETURN_TIMEOUT, run.catchment);
            for (int k = 0; k < repeat; k++) results.add(run.run(Scenario.SERVICE_DEATH, site));
        }
        site.useProfile(before);
        run.awaitSteady(LabRun.RETURN_TIMEOUT, run.catchment);
        run.say("--compare exabgp at %s: Proxima frozen (SIGSTOP), BFD %d ms x %d to the router, %d time(s)",
                site.name(), Topology.BFD_MS, Topology.BFD_MULTIPLIER, repeat);
        for (int k = 0; k < repeat; k++) results.add(run.run(Scenario.FROZEN_NODE, site));
        run.say("--compare exabgp at %s: proxima stops (SIGTERM); NSD answers as %s; ExaBGP's healthcheck checks it with dig",
                site.name(), site.name());
        site.process().stop();
        site.netns.ip("addr", "replace", Topology.ANYCAST, "dev", "lo");
        DaemonProcess nsd = Nsd.start(site.netns, run.lab.dir().resolve("nsd" + site.index), Topology.ANYCAST_IP, site.name(), true);
        for (Profile p : profiles) {
            ExaBgp exa = exabgp(run, site, p, p.id, Timers.LAB, announcer(p));
            for (int k = 0; k < repeat; k++) results.add(run.run(Scenario.SERVICE_DEATH, site, announcer(p), p));
            exa.stop();
        }
        for (int k = 0; k < repeat; k++) {
            ExaBgp exa = exabgp(run, site, before, "frozen" + k, FROZEN_TIMERS, frozenAnnouncer());
            results.add(run.run(Scenario.FROZEN_NODE, site, frozenAnnouncer(), before, frozen(exa, nsd)));
            exa.stop();
        }
        nsd.stop();
        return results;
    }

    /**
     * The whole node freezes, as Proxima does with its responder: ExaBGP with its healthcheck first,
     * so that the healthcheck never sees the service die, then NSD; thawed the other way round.
     */
    private static Fault frozen(ExaBgp exa, DaemonProcess nsd) {
        return new Fault("ExaBGP and NSD get SIGSTOP (no BFD: only the router's hold timer, " + FROZEN_TIMERS.holdTime() + " s, notices)",
                () -> {
                    exa.freeze();
                    nsd.freeze();
                }, () -> {
                    nsd.thaw();
                    exa.thaw();
                }, Duration.ofSeconds(FROZEN_TIMERS.holdTime()));
    }

    /** The lab's name for an ExaBGP instance at {@code site} (the lab allows 16 characters: "x1-tuned-nofast" is 15). */
    static String instanceName(Site site, String label) {
        return "x" + site.index + "-" + label;
    }

    /** ExaBGP with its healthcheck at {@code p}'s options in the site's place, once the site's clients are back on it. */
    private static ExaBgp exabgp(LabRun run, Site site, Profile p, String label, Timers timers, String announcer) {
        String cmd = "/usr/bin/python3 -m exabgp healthcheck --no-syslog --withdraw-on-down --no-ip-setup --ip " + Topology.ANYCAST
                + " " + p.exabgpOptions + " --cmd \"" + DIG + "\"";
        ExaBgp exa = ExaBgp.start(site.netns, instanceName(site, label), ExaBgpConfig.speaker(Topology.siteAddress(site.index), Topology.SITE_AS)
                .withPeer(Peer.of(Topology.routerSiteAddress(site.index), Topology.routerAs(site.index))
                        .withLocalAddress(Topology.siteAddress(site.index)).withTimers(timers))
                .withProcess("watch-dns", cmd));
        run.say("%s: waiting for %s's clients to come back to it", announcer, site.name());
        run.awaitSteady(LabRun.RETURN_TIMEOUT, run.catchment);
        return exa;
    }
}
