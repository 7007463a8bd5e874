package org.policyadvisor.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.policyadvisor.MalformedInputException;
import org.policyadvisor.Problem;

/**
 * Strict JSON reading shared by the scenario reader, the why-not targets and the front ends: positions in every
 * syntax error. Documents are read into Jackson's tree by its streaming parser directly: building Jackson's
 * {@code ObjectMapper} (which nothing here needs) took a tenth of a CLI what-if's start.
 */
public final class Json {

    /** Deeper documents are refused while parsing, before they are built in memory. */
    public static final int MAX_DEPTH = 64;
    private static final Pattern DEPTH = Pattern.compile("depth \\((\\d+)\\)");
    /** The longest number read, in characters. */
    public static final int MAX_NUMBER_LENGTH = 1000;
    /** The longest key read, in characters. */
    public static final int MAX_NAME_LENGTH = 1000;
    /** Names of classes, methods or packages of the reader, which no message may show. */
    private static final Pattern INTERNAL = Pattern.compile(
            "\\b(?:com\\.fasterxml|java\\.|jackson|[A-Z][A-Za-z]+\\.(?:get|set|with)?[a-zA-Z]+\\(\\))",
            Pattern.CASE_INSENSITIVE);

    /** Where Jackson says a token was, with the source left out: groups 1 and 2 are the line and column. */
    private static final String SOURCE_AT = "\\[Source: [^;\\]]*(?:\\([^)]*\\))?; line: (\\d+), column: (\\d+)\\]";
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH).maxNameLength(MAX_NAME_LENGTH).build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** An {@code ObjectMapper} that reads as {@link #parse} does, made on first use. */
    public static ObjectMapper mapper() {
        return Mapper.MAPPER;
    }

    private static final class Mapper {
        private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY.copy())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Parses text into a tree, or throws {@link MalformedInputException} with the line and column. */
    public static JsonNode parse(String text, String where) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedInputException(new Problem(where, "empty document; expected a JSON object"));
            }
            JsonNode node = read(parser, first);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new MalformedInputException(new Problem(where + ":" + at.getLineNr() + ":" + at.getColumnNr(),
                        "more after the end of the document; expected one JSON value"));
            }
            return node;
        } catch (JsonProcessingException e) {
            if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
                throw new MalformedInputException(new Problem(where, limit(e.getMessage())));
            }
            JsonLocation at = e.getLocation();
            String position = at == null ? where : where + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new MalformedInputException(new Problem(position, readable(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value that starts at the current token, read to its end. */
    private static JsonNode read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, read(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(read(parser, t));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IllegalStateException("unexpected token " + token);
        }
    }

    /** A limit of the reader, said without naming the reader's classes or settings. */
    static String limit(String message) {
        String m = message == null ? "" : message;
        if (m.contains("Number value length") || m.contains("NumberLength")) {
            return "a number is too long: at most " + MAX_NUMBER_LENGTH + " characters";
        }
        if (m.contains("Name length") || m.contains("NameLength")) {
            return "a key is too long: at most " + MAX_NAME_LENGTH + " characters";
        }
        if (m.contains("String value length") || m.contains("StringLength")) {
            return "a string is too long";
        }
        if (m.contains("nesting depth") || m.contains("NestingDepth")) {
            Matcher depth = DEPTH.matcher(m);
            return "Document nesting depth " + (depth.find() ? depth.group(1) + " " : "")
                    + "exceeds the maximum allowed, " + MAX_DEPTH;
        }
        if (m.contains("Document length") || m.contains("DocumentLength")) {
            return "the document is too long";
        }
        return "the document exceeds a limit of the JSON reader";
    }

    /**
     * Jackson's first line, without its notes on the redacted source and on its own settings; a message that still
     * names a class or method of the reader is replaced by a plain one.
     */
    static String readable(String message) {
        String text = jackson(message);
        return INTERNAL.matcher(text).find() ? "malformed JSON" : text;
    }

    private static String jackson(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        if (first.length() > 500) {
            first = first.substring(0, 500) + "...";
        }
        return first.replaceAll("\\s*\\((?:start marker at|for (?:Array|Object) starting at) " + SOURCE_AT + "\\)",
                        " (opened at line $1, column $2)")
                .replaceAll("nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+), from .*\\)$",
                        "nesting depth $1 exceeds the maximum allowed, $2")
                .replaceAll("\\s*\\[Source: [^\\]]*\\]", "")
                .strip();
    }

    /** The Java value of a JSON node: String, Boolean, Integer/Long, Double, List, Map or null. */
    public static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(value(n)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), value(e.getValue())));
        return map;
    }
}
