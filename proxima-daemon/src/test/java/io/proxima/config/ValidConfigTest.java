package io.proxima.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.attr.Communities;
import io.proxima.bgp.wire.attr.LargeCommunities.LargeCommunity;
import io.proxima.config.ConfigLoader.Loaded;
import io.proxima.health.check.DnsCheck;
import io.proxima.health.check.ExecCheck;
import io.proxima.health.check.HttpCheck;
import io.proxima.health.check.LdapCheck;
import io.proxima.health.check.TcpCheck;
import io.proxima.health.engine.Combine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Valid configs load into the records the daemon runs, with exactly the values written. */
class ValidConfigTest {

    static List<Path> fixtures() {
        return Fixtures.yamlFiles("valid");
    }

    static ProximaConfig valid(Loaded loaded) {
        assertThat(loaded).as("%s", loaded).isInstanceOf(Loaded.Valid.class);
        return ((Loaded.Valid) loaded).config();
    }

    static ProximaConfig fixture(String name) {
        return valid(ConfigLoader.load(Fixtures.dir("valid").resolve(name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyValidFixtureLoads(Path file) {
        assertThat(valid(ConfigLoader.load(file)).source()).isEqualTo(file);
    }

    @Test
    void theExampleFixtureIsDocsExamplesProximaYaml() throws IOException {
        Path docs = Fixtures.repoRoot().resolve("docs/examples/proxima.yaml");
        assertThat(Files.readString(Fixtures.dir("valid").resolve("example.yaml"))).isEqualTo(Files.readString(docs));
        valid(ConfigLoader.load(docs));
    }

    @Test
    void theExampleMeansWhatItSays() {
        ProximaConfig c = fixture("example.yaml");
        assertThat(c.routerId()).isEqualTo(IpAddress.parse("192.0.2.10"));
        assertThat(c.localAs()).isEqualTo(65010);
        assertThat(c.listen()).containsExactly(new InetSocketAddress(IpAddress.parse("192.0.2.10").toInetAddress(), 179),
                new InetSocketAddress(IpAddress.parse("2001:db8::10").toInetAddress(), 179));
        assertThat(c.peers()).extracting(PeerSpec::address).containsExactly(IpAddress.parse("192.0.2.1"),
                IpAddress.parse("2001:db8::1"), IpAddress.parse("203.0.113.1"));
        PeerSpec tor = c.peers().getFirst();
        assertThat(tor.holdTime()).isEqualTo(Duration.ofSeconds(9));
        assertThat(tor.nextHopV6()).contains(IpAddress.parse("2001:db8::10"));
        assertThat(tor.bfd()).contains(new PeerSpec.BfdSpec(Duration.ofMillis(100), 3));
        assertThat(c.peers().get(1).passive()).isTrue();
        assertThat(c.peers().get(2).multihop()).isEqualTo(2);

        assertThat(c.services()).extracting(ServiceConfig::name).containsExactly("dns", "vpn", "web");
        ServiceConfig dns = c.service("dns").orElseThrow();
        assertThat(dns.prefixes()).containsExactly(Prefix.parse("198.51.100.75/32"), Prefix.parse("2001:db8:75::53/128"));
        assertThat(dns.checks()).extracting(CheckConfig::name).containsExactly("dns/dns", "dns/tcp", "dns/maintenance");
        DnsCheck id = (DnsCheck) dns.checks().getFirst().spec();
        assertThat(id.name()).isEqualTo("id.server");
        assertThat(id.type()).isEqualTo(DnsCheck.DnsType.TXT);
        assertThat(id.dnsClass()).isEqualTo(DnsCheck.DnsClass.CH);
        assertThat(id.timing().interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(id.timing().timeout()).isEqualTo(Duration.ofMillis(500));
        // degraded.when sets the latency on every check that has none.
        assertThat(dns.checks()).allMatch(k -> k.spec().timing().degradedLatency().equals(Optional.of(Duration.ofMillis(50))));
        assertThat(dns.up().communities()).containsExactly(Communities.parse("65010:100"));
        assertThat(dns.up().largeCommunities()).containsExactly(new LargeCommunity(65010, 1, 75));
        // The degraded attributes add to the UP ones.
        assertThat(dns.degraded().orElseThrow().communities()).containsExactly(Communities.parse("65010:100"), Communities.parse("65010:666"));
        assertThat(dns.degraded().orElseThrow().prepend()).isEqualTo(3);
        assertThat(dns.drain()).isEqualTo(Duration.ofSeconds(30));
        assertThat(dns.peers()).containsExactly(IpAddress.parse("192.0.2.1"), IpAddress.parse("2001:db8::1"));

        ServiceConfig vpn = c.service("vpn").orElseThrow();
        assertThat(vpn.require()).isEqualTo(new Combine.Any());
        assertThat(vpn.dependsOn()).containsExactly("dns");
        assertThat(((ExecCheck) vpn.checks().getFirst().spec()).argv()).containsExactly("/usr/local/bin/check-ike", "--quick");
        assertThat(vpn.up().med()).isEqualTo(OptionalLong.of(50));

        ServiceConfig web = c.service("web").orElseThrow();
        assertThat(web.prefixes()).containsExactly(Prefix.parse("198.51.100.88/32"), Prefix.parse("2001:db8:1::fdff:ffff:ffff:ff81/128"));
        assertThat(web.require()).isEqualTo(new Combine.Quorum(2));
        HttpCheck https = (HttpCheck) web.checks().getFirst().spec();
        assertThat(https.url()).isEqualTo(URI.create("https://127.0.0.1:8443/healthz"));
        assertThat(https.verifyTls()).isFalse();
        assertThat(https.accepted()).containsExactly(new HttpCheck.StatusRange(200, 299));
        assertThat(web.checks().get(3).optional()).isTrue();
        assertThat(web.checks().get(2).damping().halfLife()).isEqualTo(Duration.ofMinutes(2));

        assertThat(c.addresses()).isEqualTo(new AddressesConfig("lo", true));
        assertThat(c.api()).isEqualTo(ApiConfig.DEFAULT);
    }

    @Test
    void everyKeyIsRead() {
        ProximaConfig c = fixture("every-key.yaml");
        Path dir = Fixtures.dir("valid");
        assertThat(c.localAs()).isEqualTo(4_200_000_000L);
        assertThat(c.listen()).hasSize(4).contains(new InetSocketAddress(IpAddress.parse("192.0.2.11").toInetAddress(), 1179));
        PeerSpec p = c.peers().getFirst();
        assertThat(p).isEqualTo(new PeerSpec(IpAddress.parse("192.0.2.1"), 65000, 1179, Optional.of(IpAddress.parse("192.0.2.10")),
                true, Duration.ZERO, 0, true, Optional.of(dir.resolve("secrets/peer.key")), Optional.empty(),
                Optional.of(IpAddress.parse("2001:db8::10")), 120, Optional.of(new PeerSpec.BfdSpec(Defaults.BFD_INTERVAL, Defaults.BFD_MULTIPLIER))));
        assertThat(c.peers().get(1).address()).isEqualTo(IpAddress.parse("2001:db8::1"));
        assertThat(c.peers().get(1).multihop()).isEqualTo(255);

        io.proxima.dns.ResponderConfig r = c.dnsResponder().orElseThrow();
        assertThat(r.listen()).containsExactly(new InetSocketAddress(IpAddress.parse("198.51.100.75").toInetAddress(), 53),
                new InetSocketAddress(IpAddress.parse("2001:db8:75::53").toInetAddress(), 5353));
        assertThat(r.nodeName()).isEqualTo("site-a");
        assertThat(r.nsid()).isEqualTo("site-a.fra1");
        assertThat(r.zone().origin()).isEqualTo("example.net.");
        assertThat(r.zone().records()).hasSize(4);
        assertThat(r.handoff().orElseThrow()).isEqualTo(new io.proxima.dns.ResponderConfig.Handoff("here.example.net.",
                IpAddress.parse("203.0.113.2").toInetAddress(), 30));
        assertThat(r.rateLimit().orElseThrow()).isEqualTo(new io.proxima.dns.ResponderConfig.RateLimit(50, 100));

        ServiceConfig dns = c.service("dns").orElseThrow();
        assertThat(dns.prefixes()).contains(Prefix.parse("198.51.100.76/32"), Prefix.parse("2001:db8:1::fdff:ffff:ffff:fffe/128"));
        CheckConfig soa = dns.checks().getFirst();
        assertThat(soa.name()).isEqualTo("dns-soa");
        DnsCheck d = (DnsCheck) soa.spec();
        assertThat(d.server()).isEqualTo("::1");
        assertThat(d.port()).isEqualTo(5353);
        assertThat(d.type()).isEqualTo(DnsCheck.DnsType.SOA);
        assertThat(d.transport()).isEqualTo(DnsCheck.Transport.TCP);
        assertThat(d.requestNsid()).isTrue();
        // interval and rise come from the merged anchor.
        assertThat(d.timing().interval()).isEqualTo(Duration.ofMillis(100));
        assertThat(d.timing().rise()).isEqualTo(2);
        assertThat(d.timing().fall()).isEqualTo(1);
        assertThat(d.timing().fastInterval()).contains(Duration.ofMillis(20));
        assertThat(d.timing().degradedLatency()).contains(Duration.ofMillis(40));
        assertThat(soa.damping().halfLife()).isEqualTo(Duration.ofSeconds(30));
        assertThat(soa.damping().reuse()).isEqualTo(400);
        // Two tcp checks: numbered. The second sets no degraded-latency: it gets the service's.
        assertThat(dns.checks()).extracting(CheckConfig::name).containsExactly("dns-soa", "dns/tcp-1", "dns/tcp-2");
        assertThat(dns.checks().get(1).spec().timing().degradedLatency()).contains(Duration.ofMillis(20));
        assertThat(((TcpCheck) dns.checks().get(1).spec()).send()).contains("ping");
        assertThat(dns.up().communities()).containsExactly(Communities.parse("65010:100"), Communities.NO_EXPORT, Communities.GRACEFUL_SHUTDOWN);
        assertThat(dns.up().med()).isEqualTo(OptionalLong.of(4_294_967_295L));
        assertThat(dns.up().prepend()).isEqualTo(32);
        RouteAttributes degraded = dns.degraded().orElseThrow();
        assertThat(degraded.med()).isEqualTo(OptionalLong.of(10));
        assertThat(degraded.largeCommunities()).containsExactly(new LargeCommunity(4_200_000_000L, 1, 2), new LargeCommunity(4_200_000_000L, 9, 9));
        assertThat(dns.drain()).isEqualTo(Duration.ofSeconds(90));
        assertThat(dns.require()).isEqualTo(new Combine.Quorum(1));

        ServiceConfig ldap = c.service("ldap").orElseThrow();
        LdapCheck ldaps = (LdapCheck) ldap.checks().getFirst().spec();
        assertThat(ldaps.url()).isEqualTo(URI.create("ldaps://ldap.example.net:1636"));
        assertThat(ldaps.secure()).isTrue();
        assertThat(((LdapCheck) ldap.checks().get(1).spec()).filter()).isEqualTo(Defaults.LDAP_FILTER);
        ExecCheck exec = (ExecCheck) ldap.checks().get(2).spec();
        assertThat(exec.envAllowList()).containsExactlyInAnyOrder("PATH", "LANG");
        assertThat(exec.workingDir()).contains(dir);
        HttpCheck http = (HttpCheck) ldap.checks().get(6).spec();
        assertThat(http.url()).isEqualTo(URI.create("http://127.0.0.1/health"));
        assertThat(http.method()).isEqualTo("HEAD");
        assertThat(http.accepted()).containsExactly(new HttpCheck.StatusRange(200, 200), new HttpCheck.StatusRange(300, 302));

        assertThat(c.addresses()).isEqualTo(new AddressesConfig("dummy0", false));
        assertThat(c.api().tokenFile()).contains(dir.resolve("secrets/api.token"));
        assertThat(c.api().listen().getPort()).isZero();
        assertThat(c.stateDir()).isEqualTo(dir.resolve("state"));
        assertThat(c.eventLog()).isEqualTo(new EventLogConfig(Optional.of(dir.resolve("events.jsonl")), false));
        assertThat(c.lease()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void reportsEveryErrorInOneRun() {
        String yaml = """
                router-id: 0.0.0.0
                local-as: 0
                peers:
                  - address: 192.0.2.1
                    remote-as: abc
                    hold-time: 1s
                  - address: 192.0.2.1
                    remote-as: 65000
                    multihop: 300
                services:
                  dns:
                    prefixes: [198.51.100.75/24, 2001:db8::/32]
                    checks:
                      - tcp: { address: "127.0.0.1:53" }
                        interval: 1s
                        timeout: 2s
                      - dsn: { server: 127.0.0.1 }
                    require: { quorum: 5 }
                    depends-on: [nothing]
                    prepend: 40
                  web:
                    prefixes: [2001:db8::/32]
                    checks:
                      - exec: { command: /bin/true }
                api: { listen: "192.0.2.10:9179" }
                lease: forever
                """;
        Loaded loaded = ConfigLoader.parse(yaml, Path.of("many.yaml"));
        assertThat(loaded).isInstanceOf(Loaded.Invalid.class);
        List<ConfigError> errors = ((Loaded.Invalid) loaded).errors();
        assertThat(errors).extracting(ConfigError::line).isSorted();
        assertThat(errors).extracting(ConfigError::toString).containsExactly(
                "many.yaml:1:12: router-id must be a non-zero IPv4 address (RFC 6286), got 0.0.0.0",
                "many.yaml:2:11: local-as must be 1..4294967295, got 0",
                "many.yaml:5:16: remote-as: expected a number, got 'abc'",
                "many.yaml:6:16: hold-time must be 0 or at least 3s (RFC 4271 §4.2), got 1s",
                "many.yaml:7:14: peer 192.0.2.1 is already configured at line 4",
                "many.yaml:9:15: multihop must be 1..255, got 300",
                "many.yaml:12:16: 198.51.100.75/24 has host bits set; did you mean 198.51.100.0/24?",
                "many.yaml:12:34: IPv6 prefix 2001:db8::/32 goes to IPv4 peer 192.0.2.1, which has no next-hop-v6 to send with it",
                "many.yaml:16:18: timeout 2s must be smaller than interval 1s",
                "many.yaml:17:9: unknown key 'dsn' in check; did you mean 'dns'?",
                "many.yaml:18:24: quorum 5 is larger than the 1 required check of service 'dns'",
                "many.yaml:19:18: depends-on names unknown service 'nothing'",
                "many.yaml:20:14: prepend must be 0..32, got 40",
                "many.yaml:22:16: prefix 2001:db8::/32 is owned by two services: 'dns' (line 12) and 'web'",
                "many.yaml:22:16: IPv6 prefix 2001:db8::/32 goes to IPv4 peer 192.0.2.1, which has no next-hop-v6 to send with it",
                "many.yaml:24:26: exec: command must be a list of arguments (argv, no shell), got '/bin/true'; write [/bin/sh, -c, '...'] if you need a shell",
                "many.yaml:25:16: api listens on 192.0.2.10, which is not loopback: set token-file, so that every request must carry the token",
                "many.yaml:26:8: lease: expected a duration like 500ms, 2s, 1m or 1h, got 'forever'");
    }

    @Test
    void okConfigAndErrorsAnswerForBothOutcomes() {
        Loaded valid = ConfigLoader.load(Fixtures.dir("valid").resolve("minimal.yaml"));
        assertThat(valid.ok()).isTrue();
        assertThat(valid.errors()).isEmpty();
        assertThat(valid.config().services()).hasSize(1);
        Loaded invalid = ConfigLoader.parse("router-id: 192.0.2.10\n", Path.of("x.yaml"));
        assertThat(invalid.ok()).isFalse();
        assertThat(invalid.errors()).isNotEmpty();
        assertThatThrownBy(invalid::config).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMissingFileIsOneErrorAboutTheWholeFile() {
        Path missing = Path.of("/nonexistent/proxima.yaml");
        Loaded loaded = ConfigLoader.load(missing);
        assertThat(loaded).isEqualTo(new Loaded.Invalid(List.of(new ConfigError(missing, 0, 0, "no such file"))));
        assertThat(((Loaded.Invalid) loaded).errors().getFirst()).hasToString("/nonexistent/proxima.yaml: no such file");
    }

    @Test
    void anEmptyFileSaysWhatAConfigNeeds() {
        Loaded loaded = ConfigLoader.parse("# nothing\n", Path.of("empty.yaml"));
        assertThat(((Loaded.Invalid) loaded).errors()).singleElement()
                .hasToString("empty.yaml: is empty: a config needs router-id, local-as, peers and services");
    }

    @Test
    void scalarsAreReadAsWrittenNotAsYaml11() {
        // YAML 1.1 reads 65010:100 as a base-60 integer and 0700 as octal; the config means the text.
        String yaml = """
                router-id: 192.0.2.10
                local-as: 65010
                peers: [{ address: 192.0.2.1, remote-as: 65000 }]
                services:
                  dns:
                    prefixes: [198.51.100.75/32]
                    checks: [{ tcp: { address: 127.0.0.1:53 } }]
                    communities: [65010:100, 1:2]
                """;
        ServiceConfig dns = valid(ConfigLoader.parse(yaml, Path.of("x.yaml"))).services().getFirst();
        assertThat(dns.up().communities()).containsExactly(Communities.of(65010, 100), Communities.of(1, 2));
        assertThat(((TcpCheck) dns.checks().getFirst().spec()).port()).isEqualTo(53);
    }
}
