package io.proxima.cli;

import io.proxima.config.ConfigError;
import io.proxima.config.ConfigLoader;
import io.proxima.config.ConfigLoader.Loaded;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a config file without running it.",
            "Prints 'FILE: ok (N services, M peers)', or every error found, each as FILE:LINE:COL: message."},
        footer = {"", "Exit codes: 0 valid, 2 invalid or unreadable (the errors are on stderr), 3 internal error."})
final class ValidateCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "the config file (YAML)")
    Path config;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        return switch (ConfigLoader.load(config)) {
            case Loaded.Valid v -> {
                int services = v.config().services().size();
                int peers = v.config().peers().size();
                out.println(config + ": ok (" + count(services, "service") + ", " + count(peers, "peer") + ")");
                yield Main.OK;
            }
            case Loaded.Invalid i -> {
                for (ConfigError e : i.errors()) err.println(e);
                err.println(config + ": " + count(i.errors().size(), "error"));
                yield Main.USAGE;
            }
        };
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
