package org.policyadvisor.whynot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.policyadvisor.FactPattern;
import org.policyadvisor.FactTypeSpec;
import org.policyadvisor.FieldKind;
import org.policyadvisor.FieldSpec;
import org.policyadvisor.InvalidFactsException;
import org.policyadvisor.Problem;
import org.policyadvisor.Vocabulary;
import org.policyadvisor.json.Json;

/**
 * Reads the consequence a why-not question asks about, as a person types it: a type name
 * ({@code AidRestraintLifted}), a type with field values ({@code AidRestraintLifted(actor=KOR, beneficiary=UKR)},
 * values quoted when they hold a comma or a parenthesis), or a JSON object as in scenario files
 * ({@code {"type": "AidRestraintLifted", "actor": "KOR"}}). The result still goes through the vocabulary
 * check of {@link WhyNot#ask}; here unquoted values only take the kind their field declares.
 */
public final class Targets {

    /** The longest consequence text read, in characters; the scan is linear in it. */
    public static final int MAX_LENGTH = 2000;
    private static final String WHERE = "consequence";

    private Targets() {
    }

    /** Parses the text; {@code vocabulary} gives unquoted values their declared kind (boolean, integer). */
    public static FactPattern parse(String text, Vocabulary vocabulary) {
        if (text != null && text.length() > MAX_LENGTH) {
            throw malformed("the consequence is longer than " + MAX_LENGTH + " characters");
        }
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.startsWith("{")) {
            return fromJson(Json.parse(trimmed, WHERE), WHERE);
        }
        int open = trimmed.indexOf('(');
        String type = (open < 0 ? trimmed : trimmed.substring(0, open)).strip();
        if (!identifier(type) || (open >= 0 && !trimmed.endsWith(")"))) {
            throw malformed("expected Type, Type(field=value, ...) or a JSON object, got '" + shown(trimmed) + "'");
        }
        SortedMap<String, Object> fields = new TreeMap<>();
        String inside = open < 0 ? null : trimmed.substring(open + 1, trimmed.length() - 1);
        if (inside != null && !inside.isBlank()) {
            Optional<FactTypeSpec> spec = vocabulary.type(type);
            for (String part : split(inside)) {
                int eq = part.indexOf('=');
                String field = eq < 0 ? "" : part.substring(0, eq).strip();
                String value = eq < 0 ? "" : part.substring(part.startsWith("=", eq + 1) ? eq + 2 : eq + 1).strip();
                if (!identifier(field) || value.isEmpty()) {
                    throw malformed("expected field=value, got '" + shown(part.strip()) + "'");
                }
                Object typed = value(value, spec.flatMap(s -> s.field(field)).orElse(null));
                if (fields.put(field, typed) != null) {
                    throw malformed("field '" + field + "' given twice");
                }
            }
        }
        return new FactPattern(type, fields);
    }

    /**
     * Reads a JSON object {@code {"type": ..., field: value, ...}}.
     *
     * @param path where the object sits in its document, used in problem locations
     */
    public static FactPattern fromJson(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidFactsException(List.of(new Problem(path, "expected an object with \"type\" and fields")));
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw new InvalidFactsException(List.of(new Problem(path + ".type",
                    type == null ? "missing fact type" : "expected a string")));
        }
        SortedMap<String, Object> fields = new TreeMap<>();
        node.properties().forEach(e -> {
            if (!e.getKey().equals("type")) {
                fields.put(e.getKey(), Json.value(e.getValue()));
            }
        });
        return new FactPattern(type.textValue(), fields);
    }

    private static Object value(String token, FieldSpec field) {
        if (token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")) {
            return token.substring(1, token.length() - 1);
        }
        if (field != null && field.kind() == FieldKind.BOOLEAN && (token.equals("true") || token.equals("false"))) {
            return Boolean.valueOf(token);
        }
        if (field != null && field.kind() == FieldKind.INTEGER && token.matches("-?\\d{1,9}")) {
            return Integer.valueOf(token);
        }
        return token;
    }

    /** A name: a letter or underscore, then letters, digits or underscores. */
    private static boolean identifier(String name) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) && name.charAt(0) < 128 || name.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
                return false;
            }
        }
        return true;
    }

    private static String shown(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }

    /** Splits at commas outside double quotes. */
    private static List<String> split(String inside) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : inside.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw malformed("unclosed quote in '" + shown(inside.strip()) + "'");
        }
        parts.add(current.toString());
        return parts;
    }

    private static InvalidFactsException malformed(String message) {
        return new InvalidFactsException(List.of(new Problem(WHERE, message)));
    }
}
