package io.proxima.health.probe;

import static io.proxima.health.probe.ProbeFixture.await;
import static io.proxima.health.probe.ProbeFixture.timing;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.proxima.health.check.HttpCheck;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An HTTPS server with a self-signed certificate made by the JDK's keytool for this test. */
class HttpsProbeTest {

    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    @TempDir Path dir;
    private HttpsServer server;

    @BeforeEach
    void start() throws Exception {
        Path store = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process gen = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-dname", "CN=self-signed.invalid", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(STORE_PASSWORD)).redirectErrorStream(true).start();
        gen.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(gen.waitFor(ProbeFixture.SLACK.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(gen.exitValue()).isZero();

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, STORE_PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void selfSignedPassesWithVerificationOff() throws Exception {
        ProbeResult r = await(probe(false));
        assertThat(r.pass()).as(r.toString()).isTrue();
        assertThat(r.reason()).isEqualTo("HTTP 204");
    }

    @Test
    void selfSignedFailsWithVerificationOn() throws Exception {
        ProbeResult r = await(probe(true));
        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("TLS handshake failed");
    }

    private Probe probe(boolean verifyTls) {
        URI url = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
        return Probes.of(new HttpCheck(url, "GET", Optional.empty(), HttpCheck.DEFAULT_ACCEPTED, Optional.empty(), verifyTls, timing()));
    }
}
