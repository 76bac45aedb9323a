package io.proxima.labkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Jackson trees for the daemons' JSON answers; no bindings, they differ per daemon and version. */
final class Json {

    /**
     * ExaBGP 4.2 copies a NOTIFICATION's data into its JSON unescaped when Python's repr of it is
     * printable, e.g. the length octet 0x16 of a Cease message: control characters in strings
     * must not fail the whole RIB replay.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS).build();

    private Json() {
    }

    /** The parsed document; blank input (a daemon that printed nothing) is a missing node. */
    static JsonNode parse(String json) {
        if (json.isBlank()) return MissingNode.getInstance();
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new LabException("not JSON: " + abbreviate(json), e);
        }
    }

    /** A field's text, or null when it is absent or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String abbreviate(String s) {
        final int shown = 300;
        return s.length() <= shown ? s : s.substring(0, shown) + "…";
    }
}
