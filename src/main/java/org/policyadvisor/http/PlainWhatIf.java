package org.policyadvisor.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.policyadvisor.Fact;
import org.policyadvisor.Scenario;
import org.policyadvisor.scenario.Json;
import org.policyadvisor.scenario.ScenarioReader;

/**
 * The usual what-if body, {@code {"facts": [{"type": ..., "field": value, ...}, ...]}} with an optional
 * {@code "description"} and {@code "baseline"} (or {@code {"scenario": "name"}}), read in one pass of a streaming
 * parser over its bytes: no text copy of the body and no tree. Its facts are not checked against the vocabulary
 * here; the advisor checks them before it evaluates anything.
 *
 * <p>Anything out of the ordinary gives null: a syntax error, a byte outside ASCII, another key, a key given twice,
 * a value that is not a string, a boolean or an int, a fact without a type, too many facts. Such a body is read
 * again by {@link WhatIfRequest}, which reports every problem with its location; so is one whose facts the advisor
 * refuses.
 * A body read here gives the same scenarios as that reading would.
 */
final class PlainWhatIf {

    private PlainWhatIf() {
    }

    /** The request, or null when the body is not in the usual form. Throws only for a scenario name not found. */
    static WhatIfRequest read(byte[] body, ScenarioReader reader, int maxFacts) {
        if (!ascii(body)) {
            return null;
        }
        List<Fact> facts = null;
        List<Fact> baselineFacts = null;
        String scenario = null;
        String baseline = null;
        String description = "";
        // The parser of the tree reading, with its settings (deep nesting is an error), except that keys given twice
        // are found below, where the few keys of this form are known, rather than by the parser in every object.
        try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
            p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            boolean baselineSeen = false;
            boolean descriptionSeen = false;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                switch (key) {
                    case "facts" -> {
                        facts = value == JsonToken.START_ARRAY && facts == null ? facts(p, maxFacts) : null;
                        if (facts == null) {
                            return null;
                        }
                    }
                    case "baseline" -> {
                        if (baselineSeen) {
                            return null;
                        }
                        baselineSeen = true;
                        if (value == JsonToken.VALUE_STRING) {
                            baseline = p.getText();
                        } else if (value != JsonToken.START_ARRAY || (baselineFacts = facts(p, maxFacts)) == null) {
                            return null;
                        }
                    }
                    case "scenario" -> {
                        if (value != JsonToken.VALUE_STRING || scenario != null) {
                            return null;
                        }
                        scenario = p.getText();
                    }
                    case "description" -> {
                        if (value != JsonToken.VALUE_STRING || descriptionSeen) {
                            return null;
                        }
                        descriptionSeen = true;
                        description = p.getText();
                    }
                    default -> {
                        return null;
                    }
                }
            }
            if (token != JsonToken.END_OBJECT || p.nextToken() != null || (facts == null) == (scenario == null)) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        Scenario asked = facts != null ? new Scenario("request", description, facts)
                : WhatIfRequest.named(scenario, "scenario", reader);
        Optional<Scenario> against = baselineFacts != null ? Optional.of(new Scenario("baseline", "baseline", baselineFacts))
                : baseline != null ? Optional.of(WhatIfRequest.named(baseline, "baseline", reader)) : Optional.empty();
        return new WhatIfRequest(asked, against);
    }

    /** Bytes 1 to 127 only: the parser reads them as UTF-8, exactly as the text reading decodes them. */
    private static boolean ascii(byte[] body) {
        for (byte b : body) {
            if (b <= 0) {
                return false;
            }
        }
        return body.length > 0;
    }

    /** The facts of an array whose start was just read, or null. */
    private static List<Fact> facts(JsonParser p, int maxFacts) throws IOException {
        List<Fact> facts = new ArrayList<>();
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.START_OBJECT) {
            Fact fact = facts.size() < maxFacts ? fact(p) : null;
            if (fact == null) {
                return null;
            }
            facts.add(fact);
        }
        return token == JsonToken.END_ARRAY ? facts : null;
    }

    /** The fact of an object whose start was just read, or null. */
    private static Fact fact(JsonParser p) throws IOException {
        String type = null;
        TreeMap<String, Object> fields = new TreeMap<>();
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            Object value = switch (p.nextToken()) {
                case VALUE_STRING -> p.getText();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : null;
                default -> null;
            };
            if (value == null) {
                return null;
            }
            if (!name.equals("type")) {
                if (fields.put(name, value) != null) {
                    return null;
                }
            } else if (value instanceof String text && type == null) {
                type = text;
            } else {
                return null;
            }
        }
        return token == JsonToken.END_OBJECT && type != null ? Fact.of(type, fields) : null;
    }
}
