package io.proxima.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"From a client: which instance of an anycast service answers, how fast, and every change over time.",
            "--dns asks CHAOS TXT id.server with an NSID option (one UDP flow for the whole run); --http reads the",
            "X-Served-By header; --tcp PORT reads the first line the server sends. Prints each change of instance",
            "with the gap around it (from the last answered probe before to the first after), then a summary.",
            "Runs until --count or --duration, or Ctrl-C.",
            "--dns --tcp-sessions N holds N TCP connections instead (a query every --interval on each) and prints",
            "when each connects, who answers it, and when it breaks: what an ECMP change does to long-lived flows.",
            "--handoff NAME makes each session first ask ADDRESS for NAME (the unicast hand-off) and hold its",
            "connection to the address answered."},
        footer = {"", "Exit codes: 0 at least one probe answered; 1 no probe answered; 2 usage error; 3 internal error."})
final class ProbeCommand implements Callable<Integer> {

    enum Output { text, json }

    /** Below this interval the JVM's timers and the sender's own jitter dominate what is measured. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(1);
    static final int DNS_PORT = 53;
    static final int HTTP_PORT = 80;
    /** How long Ctrl-C waits for the probes in flight and the summary, beyond the probe timeout. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);
    // In a holder, so the mapper (and Jackson's databind) loads on first use, not when picocli
    // builds every subcommand for `proxima run`: see EventLog.
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    static final class Kind {
        @Option(names = "--dns", description = "CHAOS TXT id.server, falling back to NSID (the default).")
        boolean dns;

        @Option(names = "--http", description = "HTTP GET on a new connection; the X-Served-By response header.")
        boolean http;

        @Option(names = "--tcp", paramLabel = "PORT", description = "Connect to PORT; the first line the server sends.")
        Integer tcp;
    }

    static final class Limit {
        @Option(names = "--count", paramLabel = "N", description = "Stop after N probes.")
        Long count;

        @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "Stop after this long, e.g. 30s.")
        Duration duration;
    }

    private final PrintStream out;
    private final PrintStream err;
    private final ProbeClock clock;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ADDRESS", description = "The anycast address (or a name, resolved once).")
    String address;

    @ArgGroup(exclusive = true)
    Kind kind;

    @ArgGroup(exclusive = true)
    Limit limit;

    @Option(names = "--port", paramLabel = "N", description = "Port for --dns (default 53) or --http (default 80).")
    Integer port;

    @Option(names = "--path", description = "Path for --http (default: ${DEFAULT-VALUE}).")
    String path = "/";

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time between probes (default: 100ms; at least 1ms).")
    Duration interval = Duration.ofMillis(100);

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "A probe without an answer after this long is lost (default: 1s).")
    Duration timeout = Duration.ofSeconds(1);

    @Option(names = {"-o", "--output"}, description = "text or json (default: ${DEFAULT-VALUE})")
    Output output = Output.text;

    @Option(names = {"-v", "--verbose"}, description = "Also print every probe (text), or list them (json).")
    boolean verbose;

    @Option(names = "--tcp-sessions", paramLabel = "N", description = "With --dns: hold N TCP connections to ADDRESS, each asking "
            + "id.server every --interval on the same connection; print who answers each and when it breaks (reset, timeout, "
            + "closed), then reconnect from a new port (1.." + TcpSessions.MAX_SESSIONS + "; text output, --duration or Ctrl-C).")
    Integer tcpSessions;

    @Option(names = "--handoff", paramLabel = "NAME", description = "With --tcp-sessions: each session first asks ADDRESS for "
            + "NAME's A (AAAA for IPv6) over TCP, the service's unicast hand-off, and holds its connection to the address answered.")
    String handoff;

    ProbeCommand(PrintStream out, PrintStream err) {
        this(out, err, ProbeClock.SYSTEM);
    }

    ProbeCommand(PrintStream out, PrintStream err, ProbeClock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        validate();
        InetAddress host;
        try {
            host = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "cannot resolve '" + address + "'");
        }
        if (tcpSessions != null) return runSessions(new InetSocketAddress(host, port != null ? port : DNS_PORT));
        String method = kind != null && kind.http ? "http" : kind != null && kind.tcp != null ? "tcp" : "dns";
        int p = switch (method) {
            case "http" -> port != null ? port : HTTP_PORT;
            case "tcp" -> kind.tcp;
            default -> port != null ? port : DNS_PORT;
        };
        InetSocketAddress target = new InetSocketAddress(host, p);
        ProbeLoop.Limit l = limit == null ? ProbeLoop.Limit.UNLIMITED
                : limit.count != null ? new ProbeLoop.Limit(limit.count, null) : new ProbeLoop.Limit(Long.MAX_VALUE, limit.duration);
        try (Prober prober = prober(method, target)) {
            return run(prober, target, method, l);
        }
    }

    private Prober prober(String method, InetSocketAddress target) throws IOException {
        return switch (method) {
            case "http" -> new HttpServedByProber(target, address.contains(":") ? "[" + address + "]" : address, path, clock);
            case "tcp" -> new TcpBannerProber(target, clock);
            default -> new DnsIdentityProber(target, clock);
        };
    }

    private int run(Prober prober, InetSocketAddress target, String method, ProbeLoop.Limit l) throws InterruptedException, JsonProcessingException {
        boolean text = output == Output.text;
        String where = target.getAddress().getHostAddress() + " port " + target.getPort();
        if (text) out.println("probing " + where + " (" + prober.describe() + ") every " + ProbeReport.ms(interval.toNanos())
                + ", timeout " + ProbeReport.ms(timeout.toNanos()));
        ProbeTracker tracker = new ProbeTracker();
        List<ProbeOutcome> kept = verbose && !text ? new ArrayList<>() : null;
        AtomicBoolean stop = new AtomicBoolean();
        // Ctrl-C: stop sending, and let the summary be printed before the JVM exits.
        return untilInterrupted(() -> stop.set(true), () -> {
            new ProbeLoop(prober, clock, interval, timeout, l).run(stop, o -> {
                if (kept != null) kept.add(o);
                if (text && verbose) out.println(ProbeReport.verbose(o));
                for (ProbeEvent e : tracker.record(o)) if (text) out.println(ProbeReport.line(e));
            });
            ProbeSummary s = tracker.summary();
            if (text) ProbeReport.summary(s).forEach(out::println);
            else out.println(Json.MAPPER.writeValueAsString(ProbeReport.json(target.getAddress().getHostAddress(), target.getPort(), method,
                    interval, timeout, s, kept)));
            out.flush();
            if (s.answered() == 0) err.println("proxima probe: no answer from " + where);
            return s.answered() > 0 ? Main.OK : Main.FINDINGS;
        });
    }

    /** A body that prints a summary at its end, also on Ctrl-C: {@code interrupt} asks it to stop, and the JVM waits for it. */
    @FunctionalInterface
    private interface Body {
        int run() throws InterruptedException, JsonProcessingException;
    }

    /**
     * Runs {@code body} with a shutdown hook that calls {@code interrupt} and then waits (up to the
     * timeout and {@link #SHUTDOWN_GRACE}) for the body to finish, so that its summary is printed
     * before the JVM exits.
     */
    private int untilInterrupted(Runnable interrupt, Body body) throws InterruptedException, JsonProcessingException {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            interrupt.run();
            try {
                finished.await(timeout.plus(SHUTDOWN_GRACE).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "probe-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return body.run();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down (Ctrl-C): the hook is running and waits for us
            }
        }
    }

    /** {@code --tcp-sessions}: until --duration or Ctrl-C, then the summary. */
    private int runSessions(InetSocketAddress target) throws InterruptedException, JsonProcessingException {
        TcpSessions sessions = new TcpSessions(target, java.util.Optional.ofNullable(handoff), tcpSessions, interval, timeout, clock, out, verbose);
        out.println("holding " + sessions.describe());
        out.flush();
        CountDownLatch stopRequested = new CountDownLatch(1);
        // Ctrl-C: close the sessions, and let the summary be printed before the JVM exits.
        return untilInterrupted(stopRequested::countDown, () -> {
            long answered = sessions.run(stopRequested, limit == null ? null : limit.duration);
            sessions.summary().forEach(out::println);
            out.flush();
            if (answered == 0) err.println("proxima probe: no session answered by " + target.getAddress().getHostAddress() + " port " + target.getPort());
            return answered > 0 ? Main.OK : Main.FINDINGS;
        });
    }

    private void validateSessions() {
        if (handoff != null && tcpSessions == null) throw new ParameterException(spec.commandLine(), "--handoff goes with --tcp-sessions");
        if (tcpSessions == null) return;
        if (kind != null && !kind.dns) throw new ParameterException(spec.commandLine(), "--tcp-sessions goes with --dns");
        if (tcpSessions < 1 || tcpSessions > TcpSessions.MAX_SESSIONS) {
            throw new ParameterException(spec.commandLine(), "--tcp-sessions must be 1.." + TcpSessions.MAX_SESSIONS + ", not " + tcpSessions);
        }
        if (limit != null && limit.count != null) throw new ParameterException(spec.commandLine(), "--tcp-sessions runs for --duration, not --count");
        if (output != Output.text) throw new ParameterException(spec.commandLine(), "--tcp-sessions prints text only");
        if (handoff != null) {
            try {
                HandoffQuery.encode(0, handoff, HandoffQuery.TYPE_A);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--handoff " + e.getMessage());
            }
        }
    }

    private void validate() {
        validateSessions();
        if (kind != null && kind.tcp != null && port != null) {
            throw new ParameterException(spec.commandLine(), "--tcp PORT already gives the port; drop --port");
        }
        checkPort("--port", port);
        checkPort("--tcp", kind == null ? null : kind.tcp);
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new ParameterException(spec.commandLine(), "--interval must be at least " + MIN_INTERVAL.toMillis() + "ms");
        }
        if (timeout.isZero()) throw new ParameterException(spec.commandLine(), "--timeout must be more than 0");
        if (limit != null && limit.count != null && limit.count < 1) throw new ParameterException(spec.commandLine(), "--count must be at least 1");
        if (limit != null && limit.duration != null && limit.duration.isZero()) {
            throw new ParameterException(spec.commandLine(), "--duration must be more than 0");
        }
        if (!path.startsWith("/")) throw new ParameterException(spec.commandLine(), "--path must start with '/'");
    }

    private void checkPort(String option, Integer p) {
        if (p != null && (p < 1 || p > 65535)) throw new ParameterException(spec.commandLine(), option + " must be 1..65535, not " + p);
    }
}
