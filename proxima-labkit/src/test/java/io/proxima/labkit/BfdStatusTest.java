package io.proxima.labkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The two daemons' BFD session listings, as BIRD 2.0.12 and FRR 8.4 printed them in the lab. */
class BfdStatusTest {

    @Test
    void birdShowBfdSessions() {
        String out = """
                BIRD 2.0.12 ready.
                bfd1:
                IP address                Interface  State      Since         Interval  Timeout
                203.0.113.42              va         Up         12:53:18.826    0.300    0.750
                2001:db8:201::2           eth0       Down       2026-11-27 12:53:18    1.000    0.000
                """;
        List<BfdStatus> s = BfdStatus.parseBird(out);
        assertThat(s).hasSize(2);
        assertThat(s.get(0)).extracting(BfdStatus::peer, BfdStatus::interfaceName, BfdStatus::state, BfdStatus::intervalMs, BfdStatus::timeoutMs)
                .containsExactly("203.0.113.42", "va", "up", 300L, 750L);
        assertThat(s.get(1).state()).isEqualTo("down");
        assertThat(s.get(1).intervalMs()).isEqualTo(1000);
    }

    @Test
    void frrShowBfdPeersJson() {
        String json = """
                [{"multihop":false,"peer":"203.0.113.41","local":"203.0.113.42","vrf":"default","interface":"vb",
                  "id":2644739917,"remote-id":4104299761,"passive-mode":false,"status":"up","uptime":3,
                  "diagnostic":"ok","remote-diagnostic":"ok","receive-interval":300,"transmit-interval":250,
                  "echo-receive-interval":50,"echo-transmit-interval":0,"detect-multiplier":3,
                  "remote-receive-interval":200,"remote-transmit-interval":150,"remote-echo-receive-interval":0,
                  "remote-detect-multiplier":4},
                 {"peer":"203.0.113.45","status":"shutdown"}]
                """;
        List<BfdStatus> s = BfdStatus.parseFrr(Json.parse(json));
        assertThat(s.get(0)).isEqualTo(new BfdStatus("203.0.113.41", "vb", "up", -1, -1, 300, 250, 3, 200, 150, 4, "ok"));
        assertThat(s.get(1).state()).isEqualTo("admindown");
    }
}
