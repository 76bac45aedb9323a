package io.proxima.demo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"A whole anycast network in this JVM, no root needed: 4 routers (Proxima's speaker in router mode),",
            "4 sites (proxima daemons with real DNS checks against real DNS responders), 4 clients probing every 10 ms.",
            "Shows the catchment, kills a site's DNS service and measures the failover, restores it, drains a site.",
            "Forwarding is simulated by following the routers' best paths; BGP and DNS are real, on 127.0.0.0/8."},
        footer = {"", "Exit codes: 0 every step completed; 1 a step did not complete in time; 3 internal error."})
public final class DemoCommand implements Callable<Integer> {

    private final PrintStream out;

    @Option(names = "--interactive", description = "After the catchment, read commands: kill N, restore N, drain N, undrain N, status, quit.")
    boolean interactive;

    public DemoCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        try (Demo demo = new Demo()) {
            DemoScript script = new DemoScript(demo, out);
            script.banner();
            demo.start();
            if (!script.catchment()) return 1;
            if (interactive) {
                script.interactive(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
                return 0;
            }
            Demo.Site first = demo.sites.get(0);
            List<Demo.ClientProbe> served = script.servedBy(first);
            boolean ok = script.serviceDeath(first) && script.restore(first, served) && script.drain(demo.sites.get(1));
            script.summary();
            return ok ? 0 : 1;
        }
    }
}
