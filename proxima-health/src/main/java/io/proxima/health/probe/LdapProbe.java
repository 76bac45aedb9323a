package io.proxima.health.probe;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import io.proxima.health.check.LdapCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;

/**
 * Connect, simple bind, and a subtree search that must return at least one entry. The password is
 * read from its file on every probe, so a rotated password is picked up without a reload.
 */
final class LdapProbe implements BlockingProbe {

    /** One entry is all the check needs; the server stops there. */
    private static final int SIZE_LIMIT = 1;
    private static final String[] NO_ATTRIBUTES = {"1.1"}; // RFC 4511 section 4.5.1.8: no attributes

    private final LdapCheck check;

    LdapProbe(LdapCheck check) {
        this.check = check;
    }

    @Override
    public CompletionStage<ProbeResult> probe(Duration timeout) {
        return Attempt.run("ldap", timeout, this::run);
    }

    @Override
    public ProbeResult call(Duration timeout) {
        return Attempt.call(timeout, this::run);
    }

    private ProbeResult run(Duration timeout, Attempt.Clock clock) throws Exception {
        String password = Files.readString(check.passwordFile(), StandardCharsets.UTF_8).strip();
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(clock.remainingMillis(timeout));
        options.setResponseTimeoutMillis(clock.remainingMillis(timeout));
        SocketFactory sockets = check.secure() ? SSLContext.getDefault().getSocketFactory() : SocketFactory.getDefault();
        try (LDAPConnection connection = new LDAPConnection(sockets, options)) {
            try {
                connection.connect(check.url().getHost(), check.effectivePort(), clock.remainingMillis(timeout));
            } catch (LDAPException e) {
                return ProbeResult.fail(clock.elapsed(), "connect failed: " + e.getResultCode());
            }
            try {
                connection.bind(check.bindDn(), password);
            } catch (LDAPException e) {
                return ProbeResult.fail(clock.elapsed(), "bind failed: " + e.getResultCode());
            }
            SearchRequest search = new SearchRequest(check.base(), SearchScope.SUB, check.filter(), NO_ATTRIBUTES);
            search.setSizeLimit(SIZE_LIMIT);
            search.setTimeLimitSeconds((int) Math.max(1, clock.remaining(timeout).toSeconds()));
            search.setResponseTimeoutMillis(clock.remainingMillis(timeout));
            int entries;
            try {
                SearchResult result = connection.search(search);
                entries = result.getEntryCount();
            } catch (LDAPSearchException e) {
                if (e.getResultCode() != ResultCode.SIZE_LIMIT_EXCEEDED) {
                    return ProbeResult.fail(clock.elapsed(), "search failed: " + e.getResultCode());
                }
                entries = e.getEntryCount();
            }
            if (entries < 1) return ProbeResult.fail(clock.elapsed(), "no entry matches " + check.filter());
            return ProbeResult.pass(clock.elapsed(), "entry found");
        }
    }
}
