package io.proxima.health.probe;

import io.proxima.health.check.HttpCheck;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * One request with {@link HttpClient}; passes on an accepted status and, if set, a matching body
 * (the first {@link #MAX_BODY} bytes). Redirects are not followed: a 3xx is a status like any other.
 */
final class HttpProbe implements BlockingProbe {

    static final int MAX_BODY = 64 * 1024;
    private static final String HOST_HEADER = "Host";
    /**
     * java.net.http refuses a Host header unless this names it; it is read once, when the client
     * classes load, so it is set before the first client is built (the daemon sets it in main too).
     */
    private static final String ALLOW_RESTRICTED = "jdk.httpclient.allowRestrictedHeaders";

    static {
        String allowed = System.getProperty(ALLOW_RESTRICTED);
        if (allowed == null) System.setProperty(ALLOW_RESTRICTED, "host");
    }

    private final HttpCheck check;
    private final Pattern bodyRegex;

    HttpProbe(HttpCheck check) {
        this.check = check;
        this.bodyRegex = check.bodyRegex().map(Pattern::compile).orElse(null);
    }

    @Override
    public CompletionStage<ProbeResult> probe(Duration timeout) {
        return Attempt.run("http", timeout, this::run);
    }

    @Override
    public ProbeResult call(Duration timeout) {
        return Attempt.call(timeout, this::run);
    }

    private ProbeResult run(Duration timeout, Attempt.Clock clock) throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(clock.remaining(timeout))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (!check.verifyTls()) builder.sslContext(TrustAll.context());
        try (HttpClient client = builder.build()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(check.url())
                    .timeout(clock.remaining(timeout))
                    .method(check.method(), HttpRequest.BodyPublishers.noBody());
            check.hostHeader().ifPresent(h -> request.header(HOST_HEADER, h));
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            BoundedText body = new BoundedText(MAX_BODY);
            try (InputStream in = response.body()) {
                if (bodyRegex != null) {
                    byte[] bytes = in.readNBytes(MAX_BODY);
                    body.append(bytes, bytes.length);
                }
            }
            if (!check.accepts(status)) return ProbeResult.fail(clock.elapsed(), "HTTP " + status);
            if (bodyRegex == null) return ProbeResult.pass(clock.elapsed(), "HTTP " + status);
            if (bodyRegex.matcher(body.latin1()).find()) return ProbeResult.pass(clock.elapsed(), "HTTP " + status + ", body matched");
            return ProbeResult.fail(clock.elapsed(), "HTTP " + status + ", body not matched");
        }
    }
}
