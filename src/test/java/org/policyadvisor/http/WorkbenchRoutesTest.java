package org.policyadvisor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.policyadvisor.Fixtures;
import org.policyadvisor.Rule;

@DisplayName("The workbench's routes: the page, its files, the sources and the authoring document")
class WorkbenchRoutesTest extends PackagedRulesTestBase {

    private static final String ARTICLE = "firstpost-russia-dprk-pact";

    @Test
    @DisplayName("GET / is the page, which may load only what this server serves")
    void page() {
        HttpResponse<Buffer> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.getHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'none'")
                .contains("script-src 'self'").contains("connect-src 'self'");
        assertThat(page.bodyAsString()).startsWith("<!doctype html>").contains("<script type=\"module\" src=\"/workbench/main.js\">")
                .contains("href=\"/workbench/app.css\"").doesNotContain("http:").doesNotContain("https:")
                .doesNotContain("//cdn").doesNotContain("style=\"").doesNotContain("<script>");
    }

    @Test
    @DisplayName("GET /workbench/{file} serves the page's files with their types, every module the page imports,"
            + " and nothing else")
    void files() {
        assertThat(get("/workbench/app.css").getHeader("Content-Type")).isEqualTo("text/css; charset=utf-8");
        assertThat(get("/workbench/icon.svg").getHeader("Content-Type")).isEqualTo("image/svg+xml");
        for (String script : WorkbenchRoutes.SCRIPTS) {
            HttpResponse<Buffer> response = get("/workbench/" + script);
            assertThat(response.statusCode()).as(script).isEqualTo(200);
            assertThat(response.getHeader("Content-Type")).as(script).isEqualTo("text/javascript; charset=utf-8");
            assertThat(response.getHeader("X-Content-Type-Options")).as(script).isEqualTo("nosniff");
            String body = response.bodyAsString();
            // The scripts name no host: the one URL in them is the SVG namespace, which is never fetched.
            assertThat(body.replace("http://www.w3.org/2000/svg", "")).as(script).doesNotContain("http:")
                    .doesNotContain("https:").doesNotContain("innerHTML").doesNotContain("eval(");
            // Every module a script imports is one the route serves.
            Matcher imports = Pattern.compile("from '\\./([^']+)'").matcher(body);
            while (imports.find()) {
                assertThat(WorkbenchRoutes.SCRIPTS).as(script + " imports " + imports.group(1))
                        .contains(imports.group(1));
            }
            assertThat(body.lines().count()).as(script + " lines").isLessThanOrEqualTo(400);
        }
        assertThat(get("/workbench/app.css").bodyAsString()).doesNotContain("http").doesNotContain("@import");

        assertError(get("/workbench/missing.js"), 404, "not_found");
        assertError(get("/workbench/app.js"), 404, "not_found");
        assertError(get("/workbench/..%2Fopenapi.yaml"), 404, "not_found");
        assertError(get("/workbench/..%2F..%2Fhttp%2FWorkbenchRoutes.class"), 404, "not_found");
        assertError(get("/workbench/%2E%2E%2Fworkbench%2Fmain.js"), 404, "not_found");
        assertError(get("/workbench/MAIN.JS"), 404, "not_found");
        assertThat(get("/workbench/../v1/openapi.yaml").getHeader("Content-Type")).doesNotStartWith("text/javascript");
        assertThat(get("/workbench/").statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("GET /v1/sources lists the kept sources with their headers and how many rules quote each")
    void sources() {
        JsonObject body = get("/v1/sources").bodyAsJsonObject();

        assertThat(body.getString("revision")).isEqualTo(packaged.revision());
        List<JsonObject> sources = objects(body.getJsonArray("sources"));
        assertThat(sources).extracting(s -> s.getString("id"))
                .containsExactly(ARTICLE, "scmp-china-headache-russia-dprk-treaty", "vocabulary-entailments");
        JsonObject article = sources.get(0);
        assertThat(article.getBoolean("kept")).isTrue();
        assertThat(article.getJsonObject("header").getString("grade")).isEqualTo("B2");
        assertThat(article.getInteger("rules"))
                .isEqualTo((int) packaged.rules().stream().filter(r -> r.source().equals(ARTICLE)).count());
    }

    @Test
    @DisplayName("GET /v1/sources/{source} places every rule's quote in the text, and the sentences CLAIMS.md"
            + " lists as not encoded")
    void source() {
        JsonObject body = get("/v1/sources/" + ARTICLE).bodyAsJsonObject();
        String text = body.getString("text");

        assertThat(text).startsWith("The state visit by Russian President Vladimir Putin");
        assertThat(body.getJsonArray("unplaced")).isEmpty();
        List<JsonObject> quotes = objects(body.getJsonArray("quotes"));
        List<Rule> citing = packaged.rules().stream().filter(r -> r.source().equals(ARTICLE)).toList();
        assertThat(quotes).hasSameSizeAs(citing);
        for (JsonObject q : quotes) {
            Rule rule = packaged.rule(q.getString("rule")).orElseThrow();
            String span = text.substring(q.getInteger("start"), q.getInteger("end"));
            assertThat(collapse(span)).as(rule.id()).isEqualTo(collapse(rule.quote()));
        }
        assertThat(objects(body.getJsonArray("rules"))).extracting(r -> r.getString("id"))
                .containsExactlyElementsOf(citing.stream().map(Rule::id).toList());

        List<JsonObject> notEncoded = objects(body.getJsonArray("notEncoded"));
        assertThat(notEncoded).anySatisfy(n -> {
            assertThat(n.getString("paragraph")).isEqualTo("P1");
            assertThat(n.getString("sentence")).startsWith("The state visit … has sparked major debates");
            assertThat(n.getString("reason")).startsWith("Not encoded: the effect is public debate");
            assertThat(text.substring(n.getInteger("start"), n.getInteger("end")))
                    .startsWith("The state visit by Russian President").endsWith("dynamics in northeast Asia.");
        });
        // Every sentence listed is one no rule encodes, and is found in the text.
        assertThat(notEncoded).allSatisfy(n -> assertThat(n.getInteger("start")).as(n.getString("sentence")).isNotNull());
        assertThat(notEncoded).extracting(n -> n.getString("sentence"))
                .noneMatch(s -> s.contains("precision weapons"));
    }

    @Test
    @DisplayName("a source the rules cite but do not keep is listed without a text; an unknown one is not found")
    void cited_but_not_kept() throws IOException {
        Path withoutSources = Fixtures.tempDir("rules");
        for (String name : List.of("actors.csv", "claims.drl", "vocabulary.drl")) {
            Files.copy(RULES.resolve(name), withoutSources.resolve(name));
        }
        advisor.set(advisorOf(withoutSources));

        JsonObject list = get("/v1/sources").bodyAsJsonObject();
        assertThat(objects(list.getJsonArray("sources"))).singleElement()
                .satisfies(s -> assertThat(s.getBoolean("kept")).isFalse())
                .satisfies(s -> assertThat(s.getInteger("rules")).isEqualTo(3));
        JsonObject test = get("/v1/sources/test").bodyAsJsonObject();
        assertThat(test.getString("text")).isEmpty();
        assertThat(test.getJsonArray("quotes")).isEmpty();
        assertThat(test.getJsonArray("unplaced")).containsExactly("any-unbind", "pw-unbind", "unbound-lethal");
        assertThat(test.getJsonArray("notEncoded")).isEmpty();

        assertError(get("/v1/sources/nowhere"), 404, "not_found");
    }

    @Test
    @DisplayName("GET /v1/authoring for the packaged rules: check finds no error, every scenario test passes, and an"
            + " unchanged document is answered in a line")
    void authoring() throws IOException {
        JsonObject body = get("/v1/authoring").bodyAsJsonObject();

        assertThat(body.getString("revision")).isEqualTo(packaged.revision());
        assertThat(body.getJsonObject("rules").getString("origin")).isEqualTo("packaged");
        assertThat(body.getJsonObject("rules").getBoolean("watched")).isFalse();
        assertThat(body.containsKey("reload")).isFalse();
        assertThat(body.getJsonObject("check").getInteger("errors")).isZero();
        JsonObject tests = body.getJsonObject("tests");
        long scenarios;
        try (Stream<Path> files = Files.list(Path.of("facts"))) {
            scenarios = files.filter(p -> p.toString().endsWith(".json")).count();
        }
        assertThat(tests.getInteger("passed")).isEqualTo((int) scenarios);
        assertThat(tests.getInteger("failed")).isZero();

        JsonObject again = get("/v1/authoring?after=" + body.getString("version")).bodyAsJsonObject();
        assertThat(again.fieldNames()).containsExactlyInAnyOrder("version", "unchanged");
        assertThat(again.getBoolean("unchanged")).isTrue();
        assertThat(get("/v1/authoring?after=other").bodyAsJsonObject().containsKey("tests")).isTrue();
    }

    private static List<JsonObject> objects(JsonArray array) {
        return array.stream().map(JsonObject.class::cast).toList();
    }

    private static String collapse(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
