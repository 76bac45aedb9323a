package io.proxima.health.probe;

import static io.proxima.health.probe.ProbeFixture.await;
import static io.proxima.health.probe.ProbeFixture.timing;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import io.proxima.health.check.LdapCheck;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against UnboundID's in-memory directory: a real LDAP server on loopback. */
class LdapProbeTest {

    private static final String BASE = "dc=example,dc=com";
    private static final String BIND_DN = "uid=health," + BASE;
    private static final String PASSWORD = "s3cret";

    @TempDir Path dir;
    private InMemoryDirectoryServer server;
    private Path passwordFile;

    @BeforeEach
    void start() throws Exception {
        var config = new InMemoryDirectoryServerConfig(BASE);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("test", InetAddress.getByName("127.0.0.1"), 0, null));
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
        server.add("dn: " + BIND_DN, "objectClass: inetOrgPerson", "uid: health", "cn: Health", "sn: Check", "userPassword: " + PASSWORD);
        server.add("dn: uid=alice," + BASE, "objectClass: inetOrgPerson", "uid: alice", "cn: Alice", "sn: A");
        server.startListening();
        passwordFile = Files.writeString(dir.resolve("bind.pw"), PASSWORD + "\n");
    }

    @AfterEach
    void stop() {
        server.shutDown(true);
    }

    @Test
    void entryFoundPasses() throws Exception {
        ProbeResult r = await(probe("(uid=alice)", passwordFile));
        assertThat(r.pass()).as(r.toString()).isTrue();
        assertThat(r.reason()).isEqualTo("entry found");
    }

    @Test
    void manyEntriesPassDespiteTheSizeLimit() throws Exception {
        ProbeResult r = await(probe("(objectClass=inetOrgPerson)", passwordFile));
        assertThat(r.pass()).as(r.toString()).isTrue();
    }

    @Test
    void noEntryFails() throws Exception {
        ProbeResult r = await(probe("(uid=bob)", passwordFile));
        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("no entry matches (uid=bob)");
    }

    @Test
    void wrongPasswordFailsAtBind() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong.pw"), "guess");
        ProbeResult r = await(probe("(uid=alice)", wrong));
        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).startsWith("bind failed: 49");
    }

    @Test
    void stoppedServerFailsAtConnect() throws Exception {
        Probe probe = probe("(uid=alice)", passwordFile);
        server.shutDown(true);
        ProbeResult r = await(probe);
        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).startsWith("connect failed");
    }

    private Probe probe(String filter, Path password) {
        URI url = URI.create("ldap://127.0.0.1:" + server.getListenPort());
        return Probes.of(new LdapCheck(url, BIND_DN, password, BASE, filter, timing()));
    }
}
