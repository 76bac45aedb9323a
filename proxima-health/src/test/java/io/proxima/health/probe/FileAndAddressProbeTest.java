package io.proxima.health.probe;

import static io.proxima.health.probe.ProbeFixture.await;
import static io.proxima.health.probe.ProbeFixture.timing;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.health.check.AddressCheck;
import io.proxima.health.check.FileCheck;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAndAddressProbeTest {

    @TempDir Path dir;

    @Test
    void filePresence() throws Exception {
        Path present = Files.writeString(dir.resolve("up"), "");
        Path absent = dir.resolve("drain");
        assertThat(await(Probes.of(new FileCheck(present, true, timing()))).pass()).isTrue();
        assertThat(await(Probes.of(new FileCheck(absent, true, timing()))).reason()).isEqualTo(absent + " absent");
        assertThat(await(Probes.of(new FileCheck(absent, false, timing()))).pass()).isTrue();
        assertThat(await(Probes.of(new FileCheck(present, false, timing()))).pass()).isFalse();
    }

    @Test
    void loopbackAddressIsOnLo() throws Exception {
        ProbeResult r = await(Probes.of(new AddressCheck(InetAddress.getByName("127.0.0.1"), Optional.of("lo"), timing())));
        assertThat(r.pass()).as(r.toString()).isTrue();
        assertThat(r.reason()).isEqualTo("127.0.0.1 on lo");
        assertThat(await(Probes.of(new AddressCheck(InetAddress.getByName("127.0.0.1"), Optional.empty(), timing()))).pass()).isTrue();
    }

    @Test
    void documentationAddressIsAbsent() throws Exception {
        ProbeResult r = await(Probes.of(new AddressCheck(InetAddress.getByName("192.0.2.123"), Optional.empty(), timing())));
        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("192.0.2.123 not configured");
    }

    @Test
    void unknownInterfaceFails() throws Exception {
        ProbeResult r = await(Probes.of(new AddressCheck(InetAddress.getByName("127.0.0.1"), Optional.of("nosuch0"), timing())));
        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("no interface nosuch0");
    }
}
