package org.policyadvisor.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;
import org.policyadvisor.Advisor;
import org.policyadvisor.Rule;
import org.policyadvisor.Source;
import org.policyadvisor.render.CatalogueJson;

/**
 * The sources the rules cite, as JSON: the list, and one source with its text, where each rule's quote lies in it,
 * and the sentences its claims ledger lists as not encoded. A source that rules cite but that is not kept with the
 * rules is listed too, without a text ({@code "kept": false}).
 */
final class SourceDocuments {

    private SourceDocuments() {
    }

    /** Every source: those kept with the rules, then those only cited, by id. */
    static Buffer list(Advisor advisor) {
        Map<String, Source> sources = sources(advisor);
        return JsonBody.object(g -> {
            g.writeStringField("revision", advisor.revision());
            g.writeArrayFieldStart("sources");
            for (Map.Entry<String, Source> e : sources.entrySet()) {
                g.writeStartObject();
                g.writeStringField("id", e.getKey());
                g.writeBooleanField("kept", e.getValue() != null);
                header(g, e.getValue());
                g.writeNumberField("rules", citing(advisor, e.getKey()).size());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** One source in full; empty when the rules neither keep nor cite a source of this id. */
    static Optional<Buffer> one(Advisor advisor, String id, ClaimsLedger ledger) {
        Map<String, Source> sources = sources(advisor);
        if (!sources.containsKey(id)) {
            return Optional.empty();
        }
        Source source = sources.get(id);
        String text = source == null ? "" : source.text();
        TextSpans spans = new TextSpans(text);
        List<Rule> rules = citing(advisor, id);
        return Optional.of(JsonBody.object(g -> {
            g.writeStringField("revision", advisor.revision());
            g.writeStringField("id", id);
            g.writeBooleanField("kept", source != null);
            header(g, source);
            g.writeStringField("text", text);
            List<String> unplaced = new ArrayList<>();
            g.writeArrayFieldStart("quotes");
            for (Rule rule : rules) {
                Optional<TextSpans.Span> span = spans.find(rule.quote() == null ? "" : rule.quote());
                if (span.isEmpty()) {
                    unplaced.add(rule.id());
                    continue;
                }
                g.writeStartObject();
                g.writeStringField("rule", rule.id());
                g.writeNumberField("start", span.get().start());
                g.writeNumberField("end", span.get().end());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("unplaced");
            for (String rule : unplaced) {
                g.writeString(rule);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rules");
            for (Rule rule : rules) {
                CatalogueJson.rule(g, rule);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notEncoded");
            for (ClaimsLedger.Sentence s : ledger.notEncoded(id)) {
                g.writeStartObject();
                g.writeStringField("paragraph", s.paragraph());
                g.writeStringField("sentence", s.sentence());
                g.writeStringField("reason", s.reason());
                Optional<TextSpans.Span> span = spans.locate(s.sentence());
                if (span.isPresent()) {
                    g.writeNumberField("start", span.get().start());
                    g.writeNumberField("end", span.get().end());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }));
    }

    /** The sources by id: those kept with the rules, then the ids rules cite without a kept text (null). */
    private static Map<String, Source> sources(Advisor advisor) {
        Map<String, Source> all = new LinkedHashMap<>();
        for (Source s : advisor.sources()) {
            all.put(s.id(), s);
        }
        advisor.rules().stream().map(Rule::source).filter(s -> s != null && !s.isBlank()).distinct().sorted()
                .forEach(s -> all.putIfAbsent(s, null));
        return all;
    }

    private static List<Rule> citing(Advisor advisor, String id) {
        return advisor.rules().stream().filter(r -> id.equals(r.source())).toList();
    }

    private static void header(JsonGenerator g, Source source) throws IOException {
        g.writeObjectFieldStart("header");
        if (source != null) {
            for (Map.Entry<String, String> e : source.header().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
        }
        g.writeEndObject();
    }
}
