package io.proxima.lab;

import io.proxima.labkit.DaemonProcess;
import io.proxima.labkit.ExaBgp;
import io.proxima.labkit.ExaBgpConfig;
import io.proxima.labkit.Nsd;
import io.proxima.labkit.Peer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --compare exabgp}: the service-death scenario at one site, for each check profile: first
 * with Proxima (the site reloaded with the profile's timings), then with ExaBGP and its healthcheck
 * (Debian's exabgp, {@code python3 -m exabgp healthcheck --withdraw-on-down}) in place of Proxima,
 * at the healthcheck options of the same profile. The service is then NSD (identity = the site's
 * name, so the probes tell the sites apart as before), checked with dig, and killed the same way:
 * the blackhole rule in the site's namespace. ExaBGP has no BFD; the router's BFD session to the
 * site simply never comes up, which neither FRR nor BIRD waits for.
 */
final class ExaBgpCompare {

    static final String DIG = "dig +time=1 +tries=1 @" + Topology.ANYCAST_IP + " id.server CH TXT";
    static final List<String> BINARIES = List.of("exabgp", "/usr/sbin/nsd", "dig");

    private ExaBgpCompare() {
    }

    static String announcer(Profile p) {
        return "ExaBGP healthcheck, " + p.exabgpWhat;
    }

    /** Service death at {@code site}, {@code repeat} times per profile: Proxima, then ExaBGP, which replaces Proxima there. */
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
        run.say("--compare exabgp at %s: proxima stops (SIGTERM); NSD answers as %s; ExaBGP's healthcheck checks it with dig",
                site.name(), site.name());
        site.process().stop();
        site.netns.ip("addr", "replace", Topology.ANYCAST, "dev", "lo");
        DaemonProcess nsd = Nsd.start(site.netns, run.lab.dir().resolve("nsd" + site.index), Topology.ANYCAST_IP, site.name(), true);
        for (Profile p : profiles) {
            String cmd = "/usr/bin/python3 -m exabgp healthcheck --no-syslog --withdraw-on-down --no-ip-setup --ip " + Topology.ANYCAST
                    + " " + p.exabgpOptions + " --cmd \"" + DIG + "\"";
            ExaBgp exa = ExaBgp.start(site.netns, "exabgp" + site.index + "-" + p, ExaBgpConfig.speaker(Topology.siteAddress(site.index), Topology.SITE_AS)
                    .withPeer(Peer.of(Topology.routerSiteAddress(site.index), Topology.routerAs(site.index))
                            .withLocalAddress(Topology.siteAddress(site.index)))
                    .withProcess("watch-dns", cmd));
            run.say("%s: waiting for %s's clients to come back to it", announcer(p), site.name());
            run.awaitSteady(LabRun.RETURN_TIMEOUT, run.catchment);
            for (int k = 0; k < repeat; k++) results.add(run.run(Scenario.SERVICE_DEATH, site, announcer(p), p));
            exa.stop();
        }
        nsd.stop();
        return results;
    }
}
