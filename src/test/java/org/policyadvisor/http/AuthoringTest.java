package org.policyadvisor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.Advisor;
import org.policyadvisor.Problem;
import org.policyadvisor.RuleSources;
import org.policyadvisor.reload.LoadStatus;

@DisplayName("The authoring document of a watched rules directory")
class AuthoringTest {

    private static final Path RULES = Path.of("src/test/resources/http/rules");
    private static final Path FACTS = Path.of("src/test/resources/http/facts");

    @TempDir
    Path dir;

    @Test
    @DisplayName("shows what check finds in the rules as saved, at file:line:col, and the reloader's problems;"
            + " its version changes with the rules")
    void follows_the_saved_rules() throws IOException {
        for (String f : List.of("vocabulary.drl", "actors.csv", "claims.drl")) {
            Files.copy(RULES.resolve(f), dir.resolve(f));
        }
        Files.createDirectories(dir.resolve("sources"));
        Files.writeString(dir.resolve("sources/test.txt"), "id: test\ntitle: t\npublisher: p\nauthor: a\ndate: d\n"
                + "url: unknown\nretrieved: unknown\ntext: excerpt\ngrade: B2\n---\n"
                + "If so, the country will not be bound; it may act, and is likely to consider providing aid.\n");
        Advisor served = HttpTestBase.advisorOf(RULES);
        String revision = RuleSources.fromDirectory(dir).revision();
        Instant now = Instant.now();
        AtomicReference<LoadStatus> status = new AtomicReference<>(
                new LoadStatus(revision, now, now, revision, List.of(), 0));
        Authoring authoring = Authoring.watching(dir, status::get);

        JsonObject clean = new JsonObject(authoring.document(served, FACTS));
        assertThat(clean.getJsonObject("rules").getString("origin")).isEqualTo(dir.getFileName().toString());
        assertThat(clean.getJsonObject("rules").getBoolean("watched")).isTrue();
        assertThat(clean.getJsonObject("check").getInteger("errors")).isZero();
        assertThat(clean.getJsonObject("check").getBoolean("pending")).isFalse();
        assertThat(clean.getJsonObject("reload").getJsonArray("problems")).isEmpty();
        assertThat(clean.getJsonObject("tests").getJsonArray("outcomes")).hasSize(3);
        String version = clean.getString("version");
        assertThat(authoring.version(served, FACTS)).isEqualTo(version);

        String claims = Files.readString(dir.resolve("claims.drl"));
        Files.writeString(dir.resolve("claims.drl"), claims.replace("recipient == \"PRK\", category", "recipent == \"PRK\", category"));
        String broken = RuleSources.fromDirectory(dir).revision();
        assertThat(authoring.version(served, FACTS)).isNotEqualTo(version);
        // While the reloader has not tried the saved rules, the check waits for it.
        JsonObject waiting = new JsonObject(authoring.document(served, FACTS));
        assertThat(waiting.getJsonObject("check").getBoolean("pending")).isTrue();
        assertThat(waiting.getJsonObject("check").getInteger("errors")).isZero();

        status.set(new LoadStatus(revision, now, Instant.now(), broken,
                List.of(new Problem("claims.drl:6:31", "unknown field recipent")), 0));
        JsonObject refused = new JsonObject(authoring.document(served, FACTS));
        assertThat(refused.getJsonObject("check").getBoolean("pending")).isFalse();
        assertThat(refused.getJsonObject("check").getString("revision")).isEqualTo(broken);
        assertThat(refused.getJsonObject("check").getInteger("errors")).isPositive();
        JsonObject error = refused.getJsonObject("check").getJsonArray("diagnostics").getJsonObject(0);
        assertThat(error.getString("file")).isEqualTo("claims.drl");
        assertThat(error.getInteger("line")).isEqualTo(6);
        assertThat(error.getString("severity")).isEqualTo("error");
        assertThat(error.getString("message")).contains("recipent");
        JsonObject reloadProblem = refused.getJsonObject("reload").getJsonArray("problems").getJsonObject(0);
        assertThat(reloadProblem.getString("file")).isEqualTo("claims.drl");
        assertThat(reloadProblem.getInteger("line")).isEqualTo(6);
        assertThat(reloadProblem.getInteger("col")).isEqualTo(31);
        assertThat(refused.getJsonObject("reload").getString("lastAttemptRevision")).isEqualTo(broken);
        assertThat(refused.getString("revision")).isEqualTo(served.revision());
    }

    @Test
    @DisplayName("a served folder that is gone is named by its name, in check's and the reloader's problems alike")
    void gone_folder_is_named_without_its_path() throws IOException {
        Path gone = dir.resolve("rules").toAbsolutePath();
        Instant now = Instant.now();
        // What the reloader records when the folder it watches is no longer a folder.
        LoadStatus refused = new LoadStatus("r1", now, now, "?", List.of(new Problem(gone.toString(), "not a directory")), 0);
        Authoring authoring = Authoring.watching(gone, () -> refused);

        String document = authoring.document(HttpTestBase.advisorOf(RULES), FACTS).toString();

        JsonObject doc = new JsonObject(document);
        assertThat(doc.getJsonObject("rules").getString("origin")).isEqualTo("rules");
        JsonObject checked = doc.getJsonObject("check").getJsonArray("diagnostics").getJsonObject(0);
        assertThat(checked.getString("file")).isEqualTo("rules");
        assertThat(checked.getString("message")).isEqualTo("not a directory");
        JsonObject reloaded = doc.getJsonObject("reload").getJsonArray("problems").getJsonObject(0);
        assertThat(reloaded.getString("file")).isEqualTo("rules");
        assertThat(reloaded.getString("message")).isEqualTo("not a directory");
        assertThat(document).doesNotContain(gone.toString());
    }

    @Test
    @DisplayName("a rules directory without CLAIMS.md has no sentences listed as not encoded")
    void no_ledger() throws IOException {
        Files.copy(RULES.resolve("claims.drl"), dir.resolve("claims.drl"));
        Authoring authoring = Authoring.watching(dir, () -> null);

        assertThat(authoring.ledger().notEncoded("test")).isEmpty();
        Files.writeString(dir.resolve("CLAIMS.md"), "## `test`\n\n| ¶ | Sentence | Rule id(s) | Hedge | Note |\n"
                + "|---|---|---|---|---|\n| T1 | “It rained.” | — | — | Not encoded: weather. |\n");
        assertThat(authoring.ledger().notEncoded("test")).singleElement()
                .satisfies(s -> assertThat(s.sentence()).isEqualTo("It rained."));
    }
}
