package io.proxima.bench;

import io.proxima.dns.DnsResponder;
import io.proxima.dns.ResponderConfig;
import io.proxima.dns.Zone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Proxima's DNS responder as a server process for bench/dns-responder.sh, which runs dnsperf
 * against it, NSD and Knot with the same zone file. Prints {@code ready HOST:PORT} on stdout
 * once bound, serves until SIGTERM, then prints its counters on stderr.
 *
 * <pre>
 *   ProximaDnsServer ZONE_FILE ORIGIN [ADDRESS:PORT (127.0.0.1:5300)] [IO_THREADS (2)]
 * </pre>
 *
 * The zone file is the one NSD and Knot load: one record per line, absolute owners, a TTL on each
 * line, no directives; {@code ;} comments and blank lines are skipped.
 */
public final class ProximaDnsServer {

    static final String DEFAULT_LISTEN = "127.0.0.1:5300";

    private ProximaDnsServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: ProximaDnsServer ZONE_FILE ORIGIN [ADDRESS:PORT] [IO_THREADS]");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[0])).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith(";"))
                .toList();
        Zone zone = Zone.parse(args[1], lines);
        String listen = args.length > 2 ? args[2] : DEFAULT_LISTEN;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : DnsResponder.DEFAULT_IO_THREADS;
        ResponderConfig config = ResponderConfig.of(List.of(ResponderConfig.listenAddress(listen)), "proxima-bench", zone);
        DnsResponder responder = DnsResponder.start(config, threads);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            responder.close();
            System.err.println("proxima-dns counters: " + responder.counters().asMap());
            stopped.countDown();
        }, "stop"));
        System.out.println("ready " + responder.boundAddresses().get(0).getAddress().getHostAddress() + ":" + responder.boundAddresses().get(0).getPort());
        System.out.flush();
        stopped.await();
    }
}
