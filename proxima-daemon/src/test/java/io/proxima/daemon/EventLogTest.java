package io.proxima.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The event log's hand-written JSON: every line must read back, with Jackson, as what was logged. */
class EventLogTest {

    private static final Instant T = Instant.parse("2026-11-26T12:00:00.123456Z");

    enum Kind { UP }

    record Change(String what, int count) { }

    @Test
    void eachEventIsOneJsonObjectThatReadsBackAsLogged() throws Exception {
        EventLog log = new EventLog(Clock.fixed(T, ZoneOffset.UTC), Optional.empty(), null);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("k", List.of(1, 2.5));
        log.log("check", "reason", "quote \" backslash \\ newline \n tab \t bell \u0007 é ✓",
                "count", 3, "big", 1L << 40, "seconds", 1e-4, "nan", Double.NaN, "ok", true, "none", null,
                "prefixes", List.of("198.51.100.75/32", "2001:db8::/48"), "nested", nested, "kind", Kind.UP,
                "change", new Change("peer", 2), "array", new String[] {"a"});
        List<String> lines = log.recent();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).doesNotContain("\n");

        JsonNode e = new ObjectMapper().readTree(lines.getFirst());
        assertThat(e.path("ts").asText()).isEqualTo("2026-11-26T12:00:00.123456Z");
        assertThat(e.path("type").asText()).isEqualTo("check");
        assertThat(e.path("reason").asText()).isEqualTo("quote \" backslash \\ newline \n tab \t bell \u0007 é ✓");
        assertThat(e.path("count").asInt()).isEqualTo(3);
        assertThat(e.path("big").asLong()).isEqualTo(1L << 40);
        assertThat(e.path("seconds").asDouble()).isEqualTo(1e-4);
        assertThat(e.path("nan").asText()).isEqualTo("NaN");
        assertThat(e.path("ok").asBoolean()).isTrue();
        assertThat(e.path("none").isNull()).isTrue();
        assertThat(e.path("prefixes").toString()).isEqualTo("[\"198.51.100.75/32\",\"2001:db8::/48\"]");
        assertThat(e.path("nested").toString()).isEqualTo("{\"k\":[1,2.5]}");
        assertThat(e.path("kind").asText()).isEqualTo("UP");
        assertThat(e.path("change").toString()).isEqualTo("{\"what\":\"peer\",\"count\":2}");
        assertThat(e.path("array").toString()).isEqualTo("[\"a\"]");
        // Field order is the order logged, after ts and type.
        assertThat(lines.getFirst()).startsWith("{\"ts\":\"2026-11-26T12:00:00.123456Z\",\"type\":\"check\",\"reason\":");
    }
}
