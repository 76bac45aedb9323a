package io.proxima.lab;

import io.proxima.labkit.DaemonProcess;
import io.proxima.labkit.Netns;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One client: {@code proxima probe 198.51.100.75 --dns --interval 10ms -v} as its own JVM in the
 * client's namespace, its output read while it runs. {@code -v} prints one line per probe, with the
 * wall-clock time it was sent and who answered (or "lost"); the wall clock is what the sites' event
 * logs use too, so the two line up. Outcomes arrive out of order (a lost probe is printed when it
 * times out): they are kept by sequence number. Each client runs two such probes, one to
 * 198.51.100.75 and one ({@link #ipv6}) to 2001:db8:75::53.
 */
final class Client {

    static final String INTERVAL = "10ms";
    /** A probe unanswered after this long is lost; the lab's round trips are well under 1 ms. */
    static final String TIMEOUT = "100ms";
    static final String LOST = "lost";
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx48m", "-XX:TieredStopAtLevel=1");
    /** {@code 2026-11-26T16:50:01.123Z  #42  site-1  0.3 ms} or {@code …  #43  lost} (ProbeReport.verbose). */
    private static final Pattern LINE = Pattern.compile("^(\\S+Z)\\s+#(\\d+)\\s+(\\S+)");

    /** One probe: when it was sent and who answered ({@link #LOST} if nobody). */
    record Sample(Instant sent, String instance) {
        boolean answered() {
            return !instance.equals(LOST);
        }
    }

    final int index;
    final Netns netns;
    final Topology.Router router;
    /** The anycast address it probes. */
    final String target;
    private final Path log;
    private DaemonProcess process;
    private final TreeMap<Long, Sample> samples = new TreeMap<>();
    private final LogTail tail;

    /** The client's IPv4 probe (named client-i). */
    Client(int index, Netns netns, Topology.Router router, Path dir) {
        this(index, netns, router, dir, Topology.ANYCAST_IP, "probe" + index + ".log");
    }

    private Client(int index, Netns netns, Topology.Router router, Path dir, String target, String logName) {
        this.index = index;
        this.netns = netns;
        this.router = router;
        this.target = target;
        this.log = dir.resolve(logName);
        this.tail = new LogTail(log);
    }

    /** The same client's IPv6 probe (named client-i v6), in the same namespace. */
    static Client ipv6(int index, Netns netns, Topology.Router router, Path dir) {
        return new Client(index, netns, router, dir, Topology.ANYCAST6_IP, "probe" + index + "-v6.log");
    }

    boolean isIpv6() {
        return target.contains(":");
    }

    String name() {
        return "client-" + index + (isIpv6() ? " v6" : "");
    }

    /** The anycast prefix its router routes it by. */
    String anycastPrefix() {
        return isIpv6() ? Topology.ANYCAST6 : Topology.ANYCAST;
    }

    void start() {
        List<String> cmd = Jvm.proxima(JVM_OPTIONS, "probe", target, "--dns", "--interval", INTERVAL, "--timeout", TIMEOUT, "-v");
        process = netns.spawn(name(), cmd, Map.of(), null, log);
    }

    DaemonProcess process() {
        return process;
    }

    /** SIGTERM: the probe prints its summary and exits. */
    void stop() {
        if (process != null && process.alive()) process.stop();
        poll();
    }

    /** Reads what the probe printed since the last call. */
    synchronized void poll() {
        for (String line : tail.newLines()) {
            Matcher m = LINE.matcher(line);
            if (m.find()) samples.put(Long.parseLong(m.group(2)), new Sample(Instant.parse(m.group(1)), m.group(3)));
        }
    }

    /** Every probe so far, in the order sent. */
    synchronized List<Sample> samples() {
        poll();
        return List.copyOf(samples.values());
    }

    /** Who answered the last {@code n} probes, if the same instance answered all of them. */
    synchronized Optional<String> steadyOn(int n) {
        poll();
        if (samples.size() < n) return Optional.empty();
        String who = null;
        for (Sample s : samples.descendingMap().values().stream().limit(n).toList()) {
            if (!s.answered() || (who != null && !who.equals(s.instance()))) return Optional.empty();
            who = s.instance();
        }
        return Optional.ofNullable(who);
    }

    /** The first probe sent at or after {@code after} that {@code instance} did not answer but another did. */
    Optional<Sample> firstAnswerNotFrom(String instance, Instant after) {
        for (Sample s : samples()) {
            if (!s.sent().isBefore(after) && s.answered() && !s.instance().equals(instance)) return Optional.of(s);
        }
        return Optional.empty();
    }

    /** Probes sent in [from, to) that nobody answered. */
    long lost(Instant from, Instant to) {
        return samples().stream().filter(s -> !s.sent().isBefore(from) && s.sent().isBefore(to) && !s.answered()).count();
    }

    /** Probes sent at or after {@code from} that someone other than {@code instance} answered. */
    long answeredByOthers(String instance, Instant from) {
        return samples().stream().filter(s -> !s.sent().isBefore(from) && s.answered() && !s.instance().equals(instance)).count();
    }

    @Override
    public String toString() {
        return name();
    }

    /** Probes sent at or after {@code from}, answered or not. */
    long sentSince(Instant from) {
        return samples().stream().filter(s -> !s.sent().isBefore(from)).count();
    }

    /** Probes sent in [from, to) that {@code instance} answered. */
    long answeredBy(String instance, Instant from, Instant to) {
        return samples().stream().filter(s -> !s.sent().isBefore(from) && s.sent().isBefore(to) && s.instance().equals(instance)).count();
    }
}
