package io.proxima.config;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.health.check.AddressCheck;
import io.proxima.health.check.CheckSpec;
import io.proxima.health.check.DnsCheck;
import io.proxima.health.check.ExecCheck;
import io.proxima.health.check.FileCheck;
import io.proxima.health.check.HttpCheck;
import io.proxima.health.check.LdapCheck;
import io.proxima.health.check.TcpCheck;
import io.proxima.health.check.Timing;
import io.proxima.health.check.UdpCheck;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the parameters of each check kind into its {@link CheckSpec} record. Fields are checked
 * here where a message can point at the field; what the records' constructors still refuse
 * becomes an error at the kind's key.
 */
final class CheckKinds {

    private CheckKinds() {}

    /** The spec of kind {@code kind} from {@code n}, or empty (reported). */
    static Optional<CheckSpec> read(Values v, String kind, Node kindKey, Node n, Timing timing) {
        Optional<Section> open = Section.open(v, n, kind, kind + " check");
        if (open.isEmpty()) return Optional.empty();
        Section s = open.get();
        int before = v.problems().count();
        Optional<Builder> built = switch (kind) {
            case "tcp" -> tcp(s);
            case "udp" -> udp(s);
            case "http", "https" -> http(s, kind);
            case "dns" -> dns(s);
            case "ldap", "ldaps" -> ldap(s, kind);
            case "exec" -> exec(s);
            case "file" -> file(s);
            case "address" -> address(s);
            default -> throw new IllegalArgumentException("no check kind " + kind);
        };
        if (built.isEmpty() || v.problems().count() > before) return Optional.empty();
        try {
            return Optional.of(built.get().build(timing));
        } catch (IllegalArgumentException | NullPointerException e) {
            v.error(kindKey, e.getMessage());
            return Optional.empty();
        }
    }

    /** A spec waiting for its timing. */
    private interface Builder {
        CheckSpec build(Timing timing);
    }

    private static Optional<Builder> tcp(Section s) {
        Values v = s.values();
        Optional<Values.HostPort> at = s.required("address", "tcp check has no address (host:port)")
                .flatMap(a -> v.hostPort(a, "address", OptionalInt.empty()));
        Optional<String> send = s.text("send");
        Optional<String> expect = s.text("expect");
        return at.map(a -> t -> new TcpCheck(a.host(), a.port(), send, expect, t));
    }

    private static Optional<Builder> udp(Section s) {
        Values v = s.values();
        Optional<Values.HostPort> at = s.required("address", "udp check has no address (host:port)")
                .flatMap(a -> v.hostPort(a, "address", OptionalInt.empty()));
        String hex = s.text("send-hex").map(String::strip).orElse(Defaults.UDP_SEND_HEX);
        if (hex.length() % 2 != 0 || !hex.matches("[0-9A-Fa-f]*")) {
            v.error(s.get("send-hex").orElseThrow(), "send-hex: expected pairs of hex digits, got '" + hex + "'");
        }
        Optional<String> expect = s.text("expect");
        return at.map(a -> t -> new UdpCheck(a.host(), a.port(), hex, expect, t));
    }

    private static Optional<Builder> http(Section s, String kind) {
        Values v = s.values();
        Optional<URI> url = s.required("url", kind + " check has no url").flatMap(u -> url(v, u, kind));
        String method = s.word("method").orElse(Defaults.HTTP_METHOD);
        Optional<String> host = s.word("host-header");
        List<HttpCheck.StatusRange> accepted = s.get("status").map(st -> statuses(v, st)).orElse(HttpCheck.DEFAULT_ACCEPTED);
        Optional<String> body = s.text("body");
        boolean verify = s.bool("verify-tls").orElse(Defaults.HTTP_VERIFY_TLS);
        return url.map(u -> t -> new HttpCheck(u, method, host, accepted, body, verify, t));
    }

    /** The URL, with the kind as its scheme when none is written; a written scheme must be the kind. */
    private static Optional<URI> url(Values v, Node n, String kind) {
        return v.word(n, "url").flatMap(text -> {
            String u = text.strip();
            if (!u.contains("://")) u = kind + "://" + u;
            try {
                URI uri = new URI(u);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals(kind)) {
                    // Every kind with a url (http, https, ldap, ldaps) is spoken with "an".
                    v.error(n, "url: an " + kind + " check needs an " + kind + ":// url, got '" + text + "'"
                            + (List.of("http", "https", "ldap", "ldaps").contains(scheme) ? "; make it an " + scheme + " check" : ""));
                    return Optional.empty();
                }
                if (uri.getHost() == null) {
                    v.error(n, "url: no host in '" + text + "'");
                    return Optional.empty();
                }
                return Optional.of(uri);
            } catch (URISyntaxException e) {
                v.error(n, "url: not a valid URL: " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** 200, "200-399", or a list of those. */
    private static List<HttpCheck.StatusRange> statuses(Values v, Node n) {
        List<Node> items = n instanceof SequenceNode q ? q.getValue() : List.of(n);
        List<HttpCheck.StatusRange> out = new ArrayList<>();
        for (Node i : items) {
            v.word(i, "status").ifPresent(text -> {
                String[] p = text.strip().split("\\s*-\\s*", -1);
                try {
                    int from = Integer.parseInt(p[0]);
                    int to = p.length == 2 ? Integer.parseInt(p[1]) : from;
                    if (p.length > 2) throw new NumberFormatException();
                    out.add(new HttpCheck.StatusRange(from, to));
                } catch (NumberFormatException e) {
                    v.error(i, "status: expected a status like 200 or a range like 200-399, got '" + text + "'");
                } catch (IllegalArgumentException e) {
                    v.error(i, "status " + text + ": each status must be " + HttpCheck.MIN_STATUS + ".." + HttpCheck.MAX_STATUS + ", the range low to high");
                }
            });
        }
        if (items.isEmpty()) v.error(n, "status is empty");
        return out.isEmpty() ? HttpCheck.DEFAULT_ACCEPTED : out;
    }

    private static Optional<Builder> dns(Section s) {
        Values v = s.values();
        Optional<Values.HostPort> server = s.required("server", "dns check has no server")
                .flatMap(a -> v.hostPort(a, "server", OptionalInt.of(Defaults.DNS_PORT)));
        Optional<String> name = s.required("name", "dns check has no name (the question)").flatMap(n -> v.word(n, "name"));
        DnsCheck.DnsType type = s.get("type").flatMap(n -> v.choice(n, "type", DnsCheck.DnsType.class)).orElse(Defaults.DNS_TYPE);
        DnsCheck.DnsClass cls = s.get("class").flatMap(n -> v.choice(n, "class", DnsCheck.DnsClass.class)).orElse(Defaults.DNS_CLASS);
        DnsCheck.Transport transport = s.get("transport").flatMap(n -> v.choice(n, "transport", DnsCheck.Transport.class))
                .orElse(Defaults.DNS_TRANSPORT);
        DnsCheck.Rcode rcode = s.get("rcode").flatMap(n -> v.choice(n, "rcode", DnsCheck.Rcode.class)).orElse(Defaults.DNS_RCODE);
        Optional<String> answer = s.text("answer");
        boolean nsid = s.bool("nsid").orElse(false);
        if (server.isEmpty() || name.isEmpty()) return Optional.empty();
        return Optional.of(t -> new DnsCheck(server.get().host(), server.get().port(), name.get(), type, cls, transport, rcode,
                answer, nsid, t));
    }

    private static Optional<Builder> ldap(Section s, String kind) {
        Values v = s.values();
        Optional<URI> url = s.required("url", kind + " check has no url").flatMap(u -> url(v, u, kind));
        Optional<String> bindDn = s.required("bind-dn", kind + " check has no bind-dn").flatMap(n -> v.word(n, "bind-dn"));
        Optional<Path> password = s.required("password-file", kind + " check has no password-file")
                .flatMap(n -> v.secretFile(n, "password-file"));
        String base = s.text("base").orElse(Defaults.LDAP_BASE);
        String filter = s.word("filter").orElse(Defaults.LDAP_FILTER);
        if (url.isEmpty() || bindDn.isEmpty() || password.isEmpty()) return Optional.empty();
        return Optional.of(t -> new LdapCheck(url.get(), bindDn.get(), password.get(), base, filter, t));
    }

    private static Optional<Builder> exec(Section s) {
        Values v = s.values();
        Optional<List<String>> argv = s.required("command", "exec check has no command").flatMap(c -> {
            if (!(c instanceof SequenceNode)) {
                v.error(c, "exec: command must be a list of arguments (argv, no shell), got " + Values.describe(c)
                        + "; write [/bin/sh, -c, '...'] if you need a shell");
                return Optional.empty();
            }
            Optional<List<String>> l = v.strings(c, "command");
            if (l.isPresent() && (l.get().isEmpty() || l.get().getFirst().isBlank())) {
                v.error(c, "exec: command is empty; its first entry names the program");
                return Optional.empty();
            }
            return l;
        });
        List<String> env = s.get("env").flatMap(e -> v.strings(e, "env")).orElse(List.of());
        Optional<Path> workdir = s.get("workdir").flatMap(w -> v.path(w, "workdir")).filter(d -> {
            if (Files.isDirectory(d)) return true;
            v.error(s.get("workdir").orElseThrow(), "workdir " + d + " is not a directory");
            return false;
        });
        return argv.map(a -> t -> new ExecCheck(a, new LinkedHashSet<>(env), workdir, t));
    }

    private static Optional<Builder> file(Section s) {
        Values v = s.values();
        Optional<Path> path = s.required("path", "file check has no path").flatMap(p -> v.path(p, "path"));
        boolean exists = s.bool("exists").orElse(Defaults.FILE_EXISTS);
        return path.map(p -> t -> new FileCheck(p, exists, t));
    }

    private static Optional<Builder> address(Section s) {
        Values v = s.values();
        Optional<InetAddress> a = s.required("address", "address check has no address")
                .flatMap(n -> v.ip(n, "address")).map(IpAddress::toInetAddress);
        Optional<String> device = s.word("interface");
        return a.map(addr -> t -> new AddressCheck(addr, device, t));
    }
}
