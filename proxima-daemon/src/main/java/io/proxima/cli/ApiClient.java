package io.proxima.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proxima.config.ApiConfig;
import io.proxima.config.ConfigLoader;
import io.proxima.daemon.Daemon;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How the control commands reach the daemon: its HTTP API, found from {@code --api}, or from the
 * config's {@code api} section with {@code -c}, or at the default 127.0.0.1:9179.
 */
final class ApiClient {

    /** A request the daemon does not answer in this time has failed. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    // In a holder, so the mapper (and Jackson's databind) loads on first use, not when picocli
    // builds every subcommand for `proxima run`: see EventLog.
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** The options every control command shares. */
    static final class Target {
        @Option(names = "--api", paramLabel = "HOST:PORT", description = "The daemon's API (default: from -c, else 127.0.0.1:9179).")
        String api;

        @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Read the API address and token file from this config.")
        Path config;

        @Option(names = "--token-file", paramLabel = "FILE", description = "Send the bearer token in this file.")
        Path tokenFile;
    }

    /** The daemon's answer: HTTP status and JSON body. */
    record Reply(int status, JsonNode body) { }

    private final URI base;
    private final Optional<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private ApiClient(URI base, Optional<String> token) {
        this.base = base;
        this.token = token;
    }

    static ApiClient of(Target t) throws IOException {
        String hostPort = t.api;
        Path tokenFile = t.tokenFile;
        if (t.config != null) {
            ConfigLoader.Loaded loaded = ConfigLoader.load(t.config);
            if (!loaded.ok()) throw new IOException(t.config + ": invalid config: " + loaded.errors().get(0));
            ApiConfig api = loaded.config().api();
            if (hostPort == null) hostPort = api.listen().getHostString() + ":" + api.listen().getPort();
            if (tokenFile == null) tokenFile = api.tokenFile().orElse(null);
        }
        if (hostPort == null) hostPort = "127.0.0.1:" + ApiConfig.DEFAULT_PORT;
        String host = hostPort.contains(":") && hostPort.indexOf(':') != hostPort.lastIndexOf(':') && !hostPort.startsWith("[")
                ? "[" + hostPort.substring(0, hostPort.lastIndexOf(':')) + "]" + hostPort.substring(hostPort.lastIndexOf(':'))
                : hostPort;
        Optional<String> token = tokenFile == null ? Optional.empty() : Optional.of(Daemon.readSecret(tokenFile));
        return new ApiClient(URI.create("http://" + host), token);
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Reply post(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private Reply send(HttpRequest.Builder b) throws IOException, InterruptedException {
        b.timeout(TIMEOUT);
        token.ifPresent(tk -> b.header("Authorization", "Bearer " + tk));
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new IOException("no daemon answers at " + base + " (is proxima run going, and is --api right?)");
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            body = Json.MAPPER.getNodeFactory().textNode(r.body());
        }
        return new Reply(r.statusCode(), body);
    }

    String describe() {
        return base.toString();
    }
}
