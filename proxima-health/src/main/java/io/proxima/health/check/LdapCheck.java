package io.proxima.health.check;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Connect to {@code url} (ldap:// or ldaps://), bind as {@code bindDn} with the password read from
 * {@code passwordFile}, search the subtree under {@code base} with {@code filter}, and require at
 * least one entry. The password stays in its file: the spec holds only the path, which must be
 * readable when the configuration loads.
 */
public record LdapCheck(URI url, String bindDn, Path passwordFile, String base, String filter, Timing timing)
        implements CheckSpec {

    public static final int DEFAULT_LDAP_PORT = 389;
    public static final int DEFAULT_LDAPS_PORT = 636;

    public LdapCheck {
        Objects.requireNonNull(url, "ldap: url is required");
        if (!"ldap".equalsIgnoreCase(url.getScheme()) && !"ldaps".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("ldap: url must be ldap:// or ldaps://, not " + url);
        }
        if (url.getHost() == null) throw new IllegalArgumentException("ldap: url has no host: " + url);
        Objects.requireNonNull(bindDn, "ldap: bind DN is required");
        Objects.requireNonNull(passwordFile, "ldap: password file is required");
        if (!Files.isRegularFile(passwordFile) || !Files.isReadable(passwordFile)) {
            throw new IllegalArgumentException("ldap: password file " + passwordFile + " is missing or not readable");
        }
        Objects.requireNonNull(base, "ldap: search base is required");
        Objects.requireNonNull(filter, "ldap: filter is required");
        try {
            Filter.create(filter);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("ldap: filter is not valid: " + e.getMessage(), e);
        }
        Validation.timing("ldap", timing);
    }

    public boolean secure() {
        return "ldaps".equalsIgnoreCase(url.getScheme());
    }

    public int effectivePort() {
        if (url.getPort() > 0) return url.getPort();
        return secure() ? DEFAULT_LDAPS_PORT : DEFAULT_LDAP_PORT;
    }
}
