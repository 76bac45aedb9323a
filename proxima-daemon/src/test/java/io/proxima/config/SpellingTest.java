package io.proxima.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {

    @Test
    void suggestsTheClosestKnownWord() {
        List<String> keys = List.of("hold-time", "remote-as", "address", "passive");
        assertThat(Spelling.closest("hold_time", keys)).contains("hold-time");
        assertThat(Spelling.closest("HoldTime", keys)).contains("hold-time"); // case and separators hardly count
        assertThat(Spelling.closest("remoteas", keys)).contains("remote-as");
        assertThat(Spelling.closest("adress", keys)).contains("address");
        assertThat(Spelling.closest("pasive", keys)).contains("passive");
    }

    @Test
    void suggestsNothingForAnUnrelatedWord() {
        assertThat(Spelling.closest("banana", List.of("hold-time", "remote-as"))).isEmpty();
        // Short words need a close match: "tcp" is not "udp".
        assertThat(Spelling.closest("tcp", List.of("udp"))).isEmpty();
    }

    @Test
    void swapsCountOne() {
        assertThat(Spelling.distance("tpc", "tcp")).isEqualTo(1);
        assertThat(Spelling.distance("kitten", "sitting")).isEqualTo(3);
    }
}
