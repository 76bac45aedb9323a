package io.proxima.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.health.check.TcpCheck;
import io.proxima.health.check.Timing;
import io.proxima.health.engine.Combine;
import io.proxima.health.engine.HealthEngine;
import io.proxima.health.engine.HealthEvent;
import io.proxima.health.engine.NamedCheck;
import io.proxima.health.engine.ServiceSpec;
import io.proxima.health.engine.ServiceState;
import io.proxima.health.engine.ThreadScheduler;
import io.proxima.health.probe.Probes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The engine and a real prober together, on real time: a TCP service on loopback rises, dies, and
 * the service goes DOWN after {@code fall} failed probes. Synchronised on the engine's own events.
 */
@Timeout(30)
class EngineWithRealProbesTest {

    static final Duration INTERVAL = Duration.ofMillis(100);
    static final Duration TIMEOUT = Duration.ofMillis(50);
    static final int RISE = 2;
    static final int FALL = 2;

    @Test
    void aTcpServiceRisesAndFalls() throws Exception {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = listener.getLocalPort();
        TcpCheck tcp = new TcpCheck("127.0.0.1", port, Optional.empty(), Optional.empty(),
                new Timing(INTERVAL, TIMEOUT, RISE, FALL, Optional.empty(), Optional.empty()));
        BlockingQueue<HealthEvent.ServiceTransition> transitions = new LinkedBlockingQueue<>();
        try (ThreadScheduler scheduler = new ThreadScheduler("health");
             ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor()) {
            HealthEngine engine = new HealthEngine(scheduler, probes, Duration.ofSeconds(1),
                    List.of(new NamedCheck("dns-tcp", tcp.timing(), Probes.of(tcp))),
                    List.of(new ServiceSpec("dns", new Combine.All(), List.of(ServiceSpec.Member.required("dns-tcp")), List.of())));
            engine.subscribe(e -> {
                if (e instanceof HealthEvent.ServiceTransition t) transitions.add(t);
            });
            engine.start();
            HealthEvent.ServiceTransition up = transitions.poll(10, TimeUnit.SECONDS);
            assertThat(up).isNotNull();
            assertThat(up.to()).isEqualTo(ServiceState.UP);

            listener.close(); // the service dies
            long died = System.nanoTime();
            HealthEvent.ServiceTransition down = transitions.poll(10, TimeUnit.SECONDS);
            assertThat(down).isNotNull();
            assertThat(down.to()).isEqualTo(ServiceState.DOWN);
            assertThat(down.reason()).contains("dns-tcp");
            // Safety rule 2's bound, generously: fall × interval + timeout, plus scheduling slack.
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(down.at() - died);
            assertThat(tookMillis).isLessThan(FALL * INTERVAL.toMillis() + TIMEOUT.toMillis() + 2_000);
            engine.stop();
        }
    }
}
