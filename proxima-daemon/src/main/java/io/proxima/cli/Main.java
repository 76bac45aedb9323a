package io.proxima.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code proxima} command. Every command is a function {@link #run(String[], PrintStream,
 * PrintStream)} returning an exit code; only {@link #main} exits. Exit codes are in docs/cli.md.
 */
@Command(name = "proxima", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Health-checked anycast: announce a service over BGP only while it is healthy.",
        subcommands = {CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 findings (e.g. a malformed message), 2 usage or input error, 3 internal error."})
public final class Main implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL_ERROR = 3;

    private final PrintStream out;

    private Main(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        int rc = run(args, System.out, System.err);
        System.out.flush();
        System.exit(rc);
    }

    /** Runs one command line in-process: what tests call. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> mrtFiles = plainMrtLines(args);
        if (mrtFiles != null) {
            try {
                return MrtCommand.bgpdumpLines(mrtFiles, out, err);
            } catch (Exception e) {
                internalError(e, new PrintWriter(err, true, StandardCharsets.UTF_8));
                return INTERNAL_ERROR;
            }
        }
        CommandLine cl = new CommandLine(new Main(out));
        if (args.length > 0 && args[0].equals("run")) {
            // The resident daemon registers only itself: picocli would otherwise build every other
            // command's model, loading their classes and what those use (Jackson, the probers, the
            // demo) into a process whose idle footprint is a goal (docs/benchmarks.md).
            cl.addSubcommand("run", new RunCommand(out, err));
        } else {
            addCommands(cl, out, err);
        }
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setExitCodeExceptionMapper(e -> INTERNAL_ERROR);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("proxima: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            internalError(ex, c.getErr());
            return INTERNAL_ERROR;
        });
        return cl.execute(args);
    }

    private static void internalError(Exception ex, PrintWriter err) {
        err.println("proxima: internal error (a bug; please report it): " + ex);
        for (StackTraceElement s : ex.getStackTrace()) err.println("    at " + s);
    }

    /**
     * The files of {@code mrt -m FILE…} when that is the whole command line, else null: that
     * command skips picocli, whose set-up of every subcommand costs more start-up than the
     * command's own work on a small file. Options, {@code --} and picocli's {@code @file}
     * arguments all go the ordinary way.
     */
    static List<Path> plainMrtLines(String[] args) {
        if (args.length < 3 || !args[0].equals("mrt") || !args[1].equals("-m")) return null;
        List<Path> files = new ArrayList<>(args.length - 2);
        for (int i = 2; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.startsWith("-") || a.startsWith("@")) return null;
            try {
                files.add(Path.of(a));
            } catch (InvalidPathException e) {
                return null; // picocli reports it as a usage error
            }
        }
        return files;
    }

    private static void addCommands(CommandLine cl, PrintStream out, PrintStream err) {
        cl.addSubcommand("mrt", new MrtCommand(out, err))
                .addSubcommand("decode", new DecodeCommand(out, err))
                .addSubcommand("validate", new ValidateCommand(out, err))
                .addSubcommand("rfc2526", new Rfc2526Command(out, err))
                .addSubcommand("run", new RunCommand(out, err))
                .addSubcommand("status", new ControlCommands.Status(out, err))
                .addSubcommand("drain", new ControlCommands.Drain(out, err, false))
                .addSubcommand("undrain", new ControlCommands.Undrain(out, err))
                .addSubcommand("reload", new ControlCommands.Reload(out, err))
                .addSubcommand("probe", new ProbeCommand(out, err))
                .addSubcommand("demo", new io.proxima.demo.DemoCommand(out))
                .addSubcommand("lab", new io.proxima.lab.LabCommand(out, err))
                .addSubcommand("version", new VersionCommand(out));
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, out);
        return USAGE;
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // fall through to "unknown": a missing resource is a packaging bug, not a user error
        }
        return p.getProperty("version", "unknown");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"proxima " + version() + " (Java " + Runtime.version() + ")"};
        }
    }

    @Command(name = "version", description = "Print the version.")
    static final class VersionCommand implements Callable<Integer> {
        private final PrintStream out;

        VersionCommand(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() {
            out.println("proxima " + version() + " (Java " + Runtime.version() + ")");
            return OK;
        }
    }
}
