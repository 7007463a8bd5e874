package org.policyadvisor.http;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;
import org.policyadvisor.Advisor;
import org.policyadvisor.AdvisorException;
import org.policyadvisor.Fact;
import org.policyadvisor.Problem;
import org.policyadvisor.Rule;
import org.policyadvisor.reload.ReloadImpact;
import org.policyadvisor.render.CatalogueJson;
import org.policyadvisor.render.ImpactRenderer;
import org.policyadvisor.scenario.ScenarioFile;

/** The JSON documents of the read-only routes; each names the revision of the advisor it was read from. */
final class Documents {

    private Documents() {
    }

    static Buffer health(Advisor advisor) {
        return JsonBody.object(g -> {
            g.writeStringField("status", "up");
            if (advisor != null) {
                g.writeStringField("revision", advisor.revision());
            }
        });
    }

    /** {@code {"ready": true|false, "revision", "reason"}}: the revision once rules are loaded. */
    static Buffer ready(Advisor advisor, boolean ready, String reason) {
        return JsonBody.object(g -> {
            g.writeBooleanField("ready", ready);
            if (advisor != null) {
                g.writeStringField("revision", advisor.revision());
            }
            if (!ready) {
                g.writeStringField("reason", reason);
            }
        });
    }

    static Buffer status(Advisor advisor, List<Problem> loadProblems) {
        return status(advisor, loadProblems, null);
    }

    /** The status; with {@code impact}, the impact of the reload that activated the active revision. */
    static Buffer status(Advisor advisor, List<Problem> loadProblems, ReloadImpact impact) {
        return JsonBody.object(g -> {
            g.writeStringField("revision", advisor.revision());
            g.writeStringField("loadedAt", advisor.loadedAt().toString());
            g.writeNumberField("rules", advisor.rules().size());
            g.writeNumberField("factTypes", advisor.vocabulary().types().size());
            g.writeObjectFieldStart("limits");
            g.writeNumberField("maxFirings", advisor.limits().maxFirings());
            g.writeNumberField("timeoutMs", advisor.limits().timeout().toMillis());
            g.writeEndObject();
            problems(g, "loadProblems", loadProblems);
            if (impact != null) {
                g.writeFieldName("impact");
                impact(g, impact);
            }
        });
    }

    /**
     * {@code {"oldRevision", "newRevision", "facts", "at", "tookMs", "computed", "pending", "reason"?, "summary",
     * "regressions", "rules", "scenarios"}}: the last four only when computed, the reason only when it failed.
     */
    static void impact(JsonGenerator g, ReloadImpact impact) throws IOException {
        g.writeStartObject();
        g.writeStringField("oldRevision", impact.oldRevision());
        g.writeStringField("newRevision", impact.newRevision());
        g.writeStringField("facts", folder(impact.facts()));
        g.writeStringField("at", impact.at().toString());
        g.writeNumberField("tookMs", impact.took().toMillis());
        g.writeBooleanField("computed", impact.computed());
        g.writeBooleanField("pending", impact.pending());
        if (impact.computed()) {
            ImpactRenderer.brief(g, impact.report());
        } else if (!impact.pending()) {
            g.writeStringField("reason", impact.reason());
        }
        g.writeEndObject();
    }

    /**
     * A folder the server was given, as answers show it: as given when relative, only its name when absolute (no
     * answer says where the server's files are).
     */
    static String folder(Path dir) {
        return dir.isAbsolute() && dir.getFileName() != null ? dir.getFileName().toString() : dir.toString();
    }

    /**
     * Problems as answers show them: one about a served folder itself (gone, not a folder, unreadable) names it as
     * {@link #folder} does; the others are left as they are.
     */
    static List<Problem> shown(List<Problem> problems, Optional<Path> folder) {
        if (folder.isEmpty()) {
            return problems;
        }
        String given = folder.get().toString();
        return problems.stream()
                .map(p -> p.where().equals(given) ? new Problem(folder(folder.get()), p.message()) : p).toList();
    }

    static Buffer rules(Advisor advisor) {
        return JsonBody.object(g -> {
            g.writeStringField("revision", advisor.revision());
            g.writeArrayFieldStart("rules");
            for (Rule rule : advisor.rules()) {
                CatalogueJson.rule(g, rule);
            }
            g.writeEndArray();
        });
    }

    static Buffer rule(Advisor advisor, Rule rule) {
        return JsonBody.object(g -> {
            g.writeStringField("revision", advisor.revision());
            g.writeFieldName("rule");
            CatalogueJson.rule(g, rule);
        });
    }

    static Buffer vocabulary(Advisor advisor) {
        return JsonBody.object(g -> {
            g.writeStringField("revision", advisor.revision());
            CatalogueJson.vocabulary(g, advisor.vocabulary());
        });
    }

    /** A scenario of the list: its name and description, or what is wrong with its file. */
    record Entry(String name, ScenarioFile file, AdvisorException failure) {
    }

    static Buffer scenarios(Advisor advisor, List<Entry> entries) {
        return JsonBody.object(g -> {
            g.writeStringField("revision", advisor.revision());
            g.writeArrayFieldStart("scenarios");
            for (Entry entry : entries) {
                g.writeStartObject();
                g.writeStringField("name", entry.name());
                if (entry.file() != null) {
                    g.writeStringField("description", entry.file().scenario().description());
                    g.writeNumberField("facts", entry.file().scenario().facts().size());
                } else {
                    g.writeStringField("code", entry.failure().code().text());
                    problems(g, "errors", entry.failure().problems());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** A scenario with its facts (those of any scenario it extends merged in), in the request format. */
    static Buffer scenario(Advisor advisor, ScenarioFile file) {
        return JsonBody.object(g -> {
            g.writeStringField("revision", advisor.revision());
            g.writeStringField("name", file.name());
            g.writeStringField("description", file.scenario().description());
            g.writeArrayFieldStart("facts");
            for (Fact fact : file.scenario().facts()) {
                fact(g, fact);
            }
            g.writeEndArray();
        });
    }

    /** A fact as requests carry it: {@code {"type": ..., field: value, ...}}. */
    private static void fact(JsonGenerator g, Fact fact) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", fact.type());
        for (Map.Entry<String, Object> field : fact.fields().entrySet()) {
            g.writeFieldName(field.getKey());
            Object value = field.getValue();
            if (value instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (value instanceof Integer i) {
                g.writeNumber(i);
            } else if (value == null) {
                g.writeNull();
            } else {
                g.writeString(value.toString());
            }
        }
        g.writeEndObject();
    }

    static void problems(JsonGenerator g, String name, List<Problem> problems) throws IOException {
        g.writeArrayFieldStart(name);
        for (Problem p : problems) {
            g.writeStartObject();
            g.writeStringField("path", p.where());
            g.writeStringField("message", p.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
