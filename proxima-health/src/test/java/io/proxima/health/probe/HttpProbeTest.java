package io.proxima.health.probe;

import static io.proxima.health.probe.ProbeFixture.await;
import static io.proxima.health.probe.ProbeFixture.timing;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.proxima.health.check.HttpCheck;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpProbeTest {

    private static final Duration SHORT = Duration.ofMillis(400);
    /** The slow handler gives up after this even if the test never releases it. */
    private static final Duration HANDLER_LIMIT = Duration.ofSeconds(30);

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch slowEntered = new CountDownLatch(1);
    private HttpServer server;
    private ExecutorService executor;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/ok", ex -> reply(ex, 200, "status: healthy"));
        server.createContext("/down", ex -> reply(ex, 503, "maintenance"));
        server.createContext("/host", ex -> reply(ex, 200, "host=" + ex.getRequestHeaders().getFirst("Host")));
        server.createContext("/slow", ex -> {
            slowEntered.countDown();
            try {
                release.await(HANDLER_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(ex, 200, "late");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        executor.close();
    }

    @Test
    void okPasses() throws Exception {
        ProbeResult r = await(probe("/ok", Optional.empty(), Optional.empty()));
        assertThat(r.pass()).as(r.toString()).isTrue();
        assertThat(r.reason()).isEqualTo("HTTP 200");
    }

    @Test
    void serviceUnavailableFailsWithTheStatus() throws Exception {
        ProbeResult r = await(probe("/down", Optional.empty(), Optional.empty()));
        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("HTTP 503");
    }

    @Test
    void slowHandlerFailsAsTimeout() throws Exception {
        ProbeResult r = await(probe("/slow", Optional.empty(), Optional.empty()), SHORT);
        assertThat(slowEntered.await(ProbeFixture.SLACK.toMillis(), TimeUnit.MILLISECONDS)).as("the request reached the handler").isTrue();
        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("timeout after 400 ms");
    }

    @Test
    void bodyRegex() throws Exception {
        assertThat(await(probe("/ok", Optional.empty(), Optional.of("status: health"))).reason()).isEqualTo("HTTP 200, body matched");
        ProbeResult miss = await(probe("/ok", Optional.empty(), Optional.of("status: sick")));
        assertThat(miss.pass()).isFalse();
        assertThat(miss.reason()).isEqualTo("HTTP 200, body not matched");
    }

    @Test
    void hostHeaderOverride() throws Exception {
        ProbeResult r = await(probe("/host", Optional.of("svc.example"), Optional.of("^host=svc\\.example$")));
        assertThat(r.pass()).as(r.toString()).isTrue();
    }

    @Test
    void acceptedStatusesAreConfigurable() throws Exception {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/down");
        var check = new HttpCheck(url, "GET", Optional.empty(), List.of(new HttpCheck.StatusRange(503, 503)), Optional.empty(), true, timing());
        assertThat(await(Probes.of(check)).pass()).isTrue();
    }

    private Probe probe(String path, Optional<String> host, Optional<String> body) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return Probes.of(new HttpCheck(url, "GET", host, HttpCheck.DEFAULT_ACCEPTED, body, true, timing()));
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
