package io.proxima.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/config.schema.json is what editors complete from: it must list exactly the keys the loader
 * accepts, section by section, and the documented example must be valid under it.
 */
class ConfigSchemaTest {

    private static JsonNode schemaJson;
    private static JsonSchema schema;

    @BeforeAll
    static void load() throws IOException {
        schemaJson = new ObjectMapper().readTree(Files.readString(Fixtures.repoRoot().resolve("docs/config.schema.json")));
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson);
    }

    /** The schema object of a loader section: the root, or a $defs entry, following a $ref to another. */
    private static JsonNode section(String name) {
        JsonNode n = name.equals(KnownKeys.ROOT) ? schemaJson : schemaJson.path("$defs").path(name);
        assertThat(n.isMissingNode()).as("schema has $defs/%s", name).isFalse();
        if (n.has("$ref")) n = schemaJson.at(n.get("$ref").asText().substring(1));
        return n;
    }

    private static Set<String> fieldNames(JsonNode n) {
        Set<String> out = new HashSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void everySectionListsExactlyTheKeysTheLoaderAccepts() {
        for (Map.Entry<String, Set<String>> e : KnownKeys.SECTIONS.entrySet()) {
            JsonNode s = section(e.getKey());
            assertThat(fieldNames(s.path("properties"))).as("keys of section %s", e.getKey()).isEqualTo(e.getValue());
            assertThat(s.path("additionalProperties").asBoolean(true)).as("%s refuses unknown keys", e.getKey()).isFalse();
        }
    }

    @Test
    void everySchemaObjectWithPropertiesIsALoaderSection() {
        List<String> objects = new ArrayList<>();
        schemaJson.path("$defs").fields().forEachRemaining(d -> {
            if (d.getValue().has("properties")) objects.add(d.getKey());
        });
        assertThat(KnownKeys.SECTIONS.keySet()).containsAll(objects);
    }

    @Test
    void docsConfigMdNamesEveryKey() throws IOException {
        String doc = Files.readString(Fixtures.repoRoot().resolve("docs/config.md"));
        for (Map.Entry<String, Set<String>> e : KnownKeys.SECTIONS.entrySet()) {
            for (String key : e.getValue()) assertThat(doc).as("docs/config.md names %s key %s", e.getKey(), key).contains("`" + key + "`");
        }
    }

    @Test
    void aCheckHasExactlyOneKind() {
        List<String> kinds = new ArrayList<>();
        section("check").path("oneOf").forEach(o -> kinds.add(o.path("required").get(0).asText()));
        assertThat(kinds).containsExactlyElementsOf(KnownKeys.CHECK_KINDS);
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() {
        JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(meta.validate(schemaJson)).isEmpty();
    }

    @Test
    void theExampleAndTheMinimalConfigAreValidUnderTheSchema() throws IOException {
        for (Path f : List.of(Fixtures.repoRoot().resolve("docs/examples/proxima.yaml"), Fixtures.dir("valid").resolve("minimal.yaml"))) {
            JsonNode config = new YAMLMapper().readTree(Files.readString(f));
            Set<ValidationMessage> errors = schema.validate(config);
            assertThat(errors).as("%s", f).isEmpty();
        }
    }

    @Test
    void theSchemaRefusesAnUnknownKeyAndAMissingOne() throws IOException {
        JsonNode typo = new YAMLMapper().readTree("""
                router-id: 192.0.2.10
                local-as: 65010
                peers: [{ address: 192.0.2.1, remote_as: 65000 }]
                services: { dns: { prefixes: [198.51.100.75/32], checks: [{ tcp: { address: "127.0.0.1:53" } }] } }
                """);
        assertThat(schema.validate(typo)).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("remote_as")).anyMatch(m -> m.contains("remote-as"));
    }
}
