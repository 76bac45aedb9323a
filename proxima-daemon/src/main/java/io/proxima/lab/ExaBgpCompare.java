package io.proxima.lab;

import io.proxima.labkit.DaemonProcess;
import io.proxima.labkit.ExaBgp;
import io.proxima.labkit.ExaBgpConfig;
import io.proxima.labkit.Nsd;
import io.proxima.labkit.Peer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --compare exabgp}: the service-death scenario again at one site, with ExaBGP and its
 * healthcheck (Debian's exabgp, {@code python3 -m exabgp healthcheck --withdraw-on-down}) in place of
 * Proxima, once at the healthcheck's defaults and once at Proxima's tuned timings. The service is
 * then NSD (identity = the site's name, so the probes tell the sites apart as before), checked with
 * dig, and killed the same way: the blackhole rule in the site's namespace. ExaBGP has no BFD;
 * the router's BFD session to the site simply never comes up, which neither FRR nor BIRD waits for.
 */
final class ExaBgpCompare {

    /** ExaBGP healthcheck settings (LAB.md §8): its defaults, and Proxima's cadence. */
    record Setting(String name, String options) { }

    static final List<Setting> SETTINGS = List.of(
            new Setting("ExaBGP healthcheck, defaults (interval 5 s, fast 1 s, fall 3)", ""),
            new Setting("ExaBGP healthcheck, tuned (interval 100 ms, fall 2)", "--interval 0.1 --fast-interval 0.1 --timeout 1 --rise 2 --fall 2"));
    static final String DIG = "dig +time=1 +tries=1 @" + Topology.ANYCAST_IP + " id.server CH TXT";
    static final List<String> BINARIES = List.of("exabgp", "/usr/sbin/nsd", "dig");

    private ExaBgpCompare() {
    }

    /** Replaces {@code site}'s Proxima with NSD and ExaBGP, and runs service death once per setting. */
    static List<LabRun.Result> run(LabRun run, Site site) {
        List<LabRun.Result> results = new ArrayList<>();
        run.say("--compare exabgp at %s: proxima stops (SIGTERM); NSD answers as %s; ExaBGP's healthcheck checks it with dig",
                site.name(), site.name());
        site.process().stop();
        site.netns.ip("addr", "replace", Topology.ANYCAST, "dev", "lo");
        DaemonProcess nsd = Nsd.start(site.netns, run.lab.dir().resolve("nsd" + site.index), Topology.ANYCAST_IP, site.name(), true);
        for (int k = 0; k < SETTINGS.size(); k++) {
            Setting s = SETTINGS.get(k);
            String cmd = "/usr/bin/python3 -m exabgp healthcheck --no-syslog --withdraw-on-down --no-ip-setup --ip " + Topology.ANYCAST
                    + " " + s.options() + " --cmd \"" + DIG + "\"";
            ExaBgp exa = ExaBgp.start(site.netns, "exabgp" + site.index + "-" + k, ExaBgpConfig.speaker(Topology.siteAddress(site.index), Topology.SITE_AS)
                    .withPeer(Peer.of(Topology.routerSiteAddress(site.index), Topology.routerAs(site.index))
                            .withLocalAddress(Topology.siteAddress(site.index)))
                    .withProcess("watch-dns", cmd));
            run.say("%s: waiting for %s's clients to come back to it", s.name(), site.name());
            run.awaitSteady(LabRun.RETURN_TIMEOUT, run.catchment);
            results.add(run.run(Scenario.SERVICE_DEATH, site, s.name()));
            exa.stop();
        }
        nsd.stop();
        return results;
    }
}
