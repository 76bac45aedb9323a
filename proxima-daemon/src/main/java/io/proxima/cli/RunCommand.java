package io.proxima.cli;

import io.proxima.api.ApiServer;
import io.proxima.config.ConfigLoader;
import io.proxima.config.ProximaConfig;
import io.proxima.daemon.Daemon;
import io.proxima.daemon.EventLog;
import io.proxima.daemon.SystemdNotify;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the daemon: check the services, announce their prefixes while they are healthy.",
            "SIGTERM or SIGINT: drain the services that have a drain time, withdraw everything, wait until the",
            "withdraws are written, send Cease with a shutdown message, remove the managed addresses, exit 0.",
            "SIGHUP: reload the config as a diff (an invalid config is refused and the old one keeps running)."},
        footer = {"", "Exit codes: 0 stopped cleanly; 2 the config is invalid (nothing was announced) or a port is taken;",
            "3 internal error (a bug)."})
final class RunCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The YAML config.")
    Path config;

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        ConfigLoader.Loaded loaded = ConfigLoader.load(config);
        if (!loaded.ok()) {
            loaded.errors().forEach(e -> err.println(e));
            err.println("proxima: " + config + ": " + loaded.errors().size() + " error(s); nothing was started");
            return Main.USAGE;
        }
        ProximaConfig cfg = loaded.config();
        EventLog events;
        try {
            events = new EventLog(Clock.systemUTC(), cfg.eventLog().file(), cfg.eventLog().stdout() ? out : null);
        } catch (IOException e) {
            err.println("proxima: event log " + cfg.eventLog().file().orElse(null) + ": " + e.getMessage());
            return Main.USAGE;
        }
        Daemon daemon;
        try {
            daemon = Daemon.start(cfg, events);
        } catch (IOException e) {
            err.println("proxima: " + e.getMessage() + "; nothing was announced");
            return Main.USAGE;
        }
        ApiServer api;
        try {
            api = new ApiServer(daemon, cfg.api(), () -> reload(daemon, events), System.getenv(ApiServer.TEST_HOOKS_ENV) != null);
        } catch (IOException e) {
            err.println("proxima: API on " + cfg.api().listen() + ": " + e.getMessage());
            daemon.shutdown("proxima: could not start its API");
            daemon.close();
            return Main.USAGE;
        }
        events.log("daemon", "event", "api", "listen", api.address().toString());
        SystemdNotify systemd = SystemdNotify.fromEnvironment();
        systemd.ready("proxima running: " + cfg.services().size() + " services, " + cfg.peers().size() + " peers");
        SystemdNotify.watchdogPing(System.getenv()).filter(x -> systemd.active()).ifPresent(every -> Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (daemon.responsive(every)) systemd.send("WATCHDOG=1");
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }));

        CountDownLatch stop = new CountDownLatch(1);
        String[] why = {"proxima stopping"};
        Signal.handle(new Signal("TERM"), s -> {
            why[0] = "proxima stopping (SIGTERM)";
            stop.countDown();
        });
        Signal.handle(new Signal("INT"), s -> {
            why[0] = "proxima stopping (SIGINT)";
            stop.countDown();
        });
        Signal.handle(new Signal("HUP"), s -> Thread.ofVirtual().start(() -> reload(daemon, events)));
        stop.await();
        systemd.stopping();
        daemon.shutdown(why[0]);
        api.close();
        systemd.close();
        daemon.close();
        return Main.OK;
    }

    private CompletableFuture<Daemon.ReloadResult> reload(Daemon daemon, EventLog events) {
        ConfigLoader.Loaded loaded;
        try {
            loaded = ConfigLoader.load(config);
        } catch (RuntimeException e) {
            loaded = null;
            events.log("reload", "event", "refused", "reason", "cannot load " + config + ": " + e);
            return CompletableFuture.completedFuture(Daemon.ReloadResult.refused(List.of(String.valueOf(e))));
        }
        if (!loaded.ok()) {
            List<String> errors = loaded.errors().stream().map(Object::toString).toList();
            events.log("reload", "event", "refused", "reason", "invalid config: the running one is kept", "errors", errors);
            return CompletableFuture.completedFuture(Daemon.ReloadResult.refused(errors));
        }
        return daemon.reload(loaded.config());
    }
}
