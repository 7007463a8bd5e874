package org.policyadvisor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.policyadvisor.Advisor;
import org.policyadvisor.Fixtures;
import org.policyadvisor.Limits;
import org.policyadvisor.decisions.DecisionRing;
import org.policyadvisor.engine.RuleCheck;
import org.policyadvisor.reload.Reloader;
import org.slf4j.LoggerFactory;

/** The impact of a new revision over the scenarios, computed by the reloader just after it activates the revision. */
@DisplayName("Hot reload: the impact of a new revision in /v1/status and the log")
class ReloadImpactTest extends HttpTestBase {

    private static final Path MINI = Fixtures.miniDir();
    private static final String LIFTED = "AidRestraintLifted(actor=KOR, recipient=UKR)";

    private Path dir;
    private String claims;
    private Reloader reloader;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger reloaderLog = (Logger) LoggerFactory.getLogger(Reloader.class);
    private Level levelBefore;

    @Override
    Advisor initialAdvisor() {
        try {
            dir = Fixtures.copyTree(MINI.resolve("rules"), Fixtures.tempDir("impact").resolve("rules"));
            claims = Files.readString(dir.resolve("claims.drl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Advisor initial = Advisor.builder().rulesFrom(dir).build();
        advisor.set(initial);
        reloader = new Reloader(dir, advisor, Limits.DEFAULT, RuleCheck::lintErrors, Duration.ofMillis(100),
                Clock.systemUTC());
        reloader.impactOver(MINI.resolve("facts"), Duration.ofSeconds(20));
        logged.start();
        // The tests' logging keeps the reloader at WARN; its INFO line on the impact is under test here.
        levelBefore = reloaderLog.getLevel();
        reloaderLog.setLevel(Level.INFO);
        reloaderLog.addAppender(logged);
        return initial;
    }

    @Override
    ServerConfig config() {
        return super.config().withFactsDir(MINI.resolve("facts"));
    }

    /** The status of the reloader is what the service shows, as {@code serve --rules} wires it. */
    @Override
    Shared shared(ServerConfig config) {
        Metrics metrics = new Metrics();
        return Shared.of(config, metrics, new Decisions(new DecisionRing(), null, metrics), Exposure.none(),
                Authoring.watching(dir, reloader::status));
    }

    @AfterEach
    void stopWatching() {
        reloaderLog.detachAppender(logged);
        reloaderLog.setLevel(levelBefore);
        reloader.close();
    }

    private void write(String text) {
        try {
            Files.writeString(dir.resolve("claims.drl"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonObject impact() {
        JsonObject status = get("/v1/status").bodyAsJsonObject();
        assertThat(status.containsKey("impact")).as(status.encodePrettily()).isTrue();
        return status.getJsonObject("impact");
    }

    private static JsonObject scenario(JsonObject impact, String name) {
        return impact.getJsonArray("scenarios").stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no scenario " + name + " in " + impact.encodePrettily()));
    }

    private List<String> lines(Level level) {
        return logged.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    @DisplayName("a changed hedge: the status shows the changed likelihood in the scenario it affects, no regression")
    void changed_hedge_shows_the_changed_likelihood() {
        String before = advisor.get().revision();
        assertThat(get("/v1/status").bodyAsJsonObject().containsKey("impact")).isFalse();
        write(claims.replaceFirst("@hedge\\(\"will\"\\)", "@hedge(\"likely\")"));

        assertThat(reloader.reload()).isTrue();

        String after = advisor.get().revision();
        JsonObject impact = impact();
        assertThat(impact.getBoolean("computed")).isTrue();
        assertThat(impact.getString("oldRevision")).isEqualTo(before);
        assertThat(impact.getString("newRevision")).isEqualTo(after);
        assertThat(impact.getJsonObject("rules").getJsonArray("changed").getJsonObject(0).getString("rule"))
                .isEqualTo("pw-unbind");
        assertThat(impact.getJsonObject("rules").getJsonArray("changed").getJsonObject(0)
                .getJsonArray("differences").getList()).containsExactly("hedge will -> likely");
        JsonObject precision = scenario(impact, "precision");
        JsonArray changed = precision.getJsonArray("changed");
        JsonObject lifted = changed.stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("fact").equals(LIFTED)).findFirst()
                .orElseThrow(() -> new AssertionError("no change of " + LIFTED + " in " + changed.encode()));
        assertThat(lifted.getDouble("after")).isLessThan(lifted.getDouble("before"));
        assertThat(precision.getBoolean("regression")).isFalse();
        // Scenarios without the precision weapons do not use the rule changed: not listed.
        assertThat(impact.getJsonArray("scenarios").stream().map(s -> ((JsonObject) s).getString("name")))
                .containsExactly("precision");
        JsonObject summary = impact.getJsonObject("summary");
        assertThat(summary.getInteger("scenarios")).isEqualTo(3);
        assertThat(summary.getInteger("affected")).isEqualTo(1);
        assertThat(summary.getInteger("changed")).isEqualTo(changed.size());
        assertThat(summary.getInteger("regressions")).isZero();
        assertThat(impact.getJsonArray("regressions")).isEmpty();
        assertThat(lines(Level.INFO)).anySatisfy(line -> assertThat(line)
                .startsWith("revision " + before + " -> " + after + ": 1 scenario changes, 0 consequences added, "
                        + "0 removed, " + changed.size() + " changed, 0 regressions"));
        assertThat(lines(Level.WARN)).isEmpty();
    }

    @Test
    @DisplayName("the new revision answers while its impact is being computed, which the status says")
    void new_revision_answers_before_its_impact_is_known() {
        String before = advisor.get().revision();
        List<JsonObject> atActivation = new ArrayList<>();
        reloader.onOutcome(outcome -> atActivation.add(get("/v1/status").bodyAsJsonObject()));
        write(claims.replaceFirst("@hedge\\(\"will\"\\)", "@hedge(\"likely\")"));

        assertThat(reloader.reload()).isTrue();

        String after = advisor.get().revision();
        assertThat(atActivation).singleElement().satisfies(status -> {
            assertThat(status.getString("revision")).isEqualTo(after);
            JsonObject pending = status.getJsonObject("impact");
            assertThat(pending.getString("oldRevision")).isEqualTo(before);
            assertThat(pending.getString("newRevision")).isEqualTo(after);
            assertThat(pending.getBoolean("pending")).isTrue();
            assertThat(pending.getBoolean("computed")).isFalse();
            assertThat(pending.containsKey("reason")).isFalse();
            assertThat(pending.containsKey("summary")).isFalse();
        });
        JsonObject impact = impact();
        assertThat(impact.getBoolean("pending")).isFalse();
        assertThat(impact.getBoolean("computed")).isTrue();
    }

    @Test
    @DisplayName("a regression is activated all the same, and reported in the status and by a WARN line")
    void regression_is_reported_and_does_not_block() {
        String before = advisor.get().revision();
        // Without its hedge-"likely" rule, Seoul no longer considers lethal aid: precision's expectations fail.
        int start = claims.indexOf("rule \"Unbound Seoul considers lethal aid\"");
        int end = claims.indexOf("end\n", start) + "end\n".length();
        write(claims.substring(0, start) + claims.substring(end));

        assertThat(reloader.reload()).as("a regression does not block activation").isTrue();

        assertThat(advisor.get().revision()).isNotEqualTo(before);
        JsonObject impact = impact();
        assertThat(impact.getBoolean("computed")).isTrue();
        assertThat(impact.getJsonObject("summary").getInteger("regressions")).isEqualTo(1);
        JsonArray regressions = impact.getJsonArray("regressions");
        assertThat(regressions).hasSize(1);
        assertThat(regressions.getJsonObject(0).getString("scenario")).isEqualTo("precision");
        assertThat(regressions.getJsonObject(0).getJsonArray("failures")).isNotEmpty();
        assertThat(impact.getJsonObject("rules").getJsonArray("removed").getList()).containsExactly("unbound-lethal");
        JsonObject precision = scenario(impact, "precision");
        assertThat(precision.getBoolean("passedBefore")).isTrue();
        assertThat(precision.getBoolean("passedAfter")).isFalse();
        assertThat(precision.getBoolean("regression")).isTrue();
        assertThat(precision.getJsonArray("removed").stream().map(c -> ((JsonObject) c).getString("fact")))
                .containsExactly("LethalAidConsidered(recipient=UKR, supplier=KOR)");
        assertThat(lines(Level.WARN)).singleElement().satisfies(line -> assertThat(line)
                .startsWith("regression in scenario precision:"));
        JsonObject authoring = get("/v1/authoring").bodyAsJsonObject();
        assertThat(authoring.getJsonObject("reload").getJsonObject("impact").getJsonArray("regressions"))
                .as("the workbench sees the regression too").isEqualTo(regressions);
        assertThat(lines(Level.INFO)).anySatisfy(line -> assertThat(line).contains("1 regression"));
    }

    @Test
    @DisplayName("an impact that cannot be computed in time does not keep the revision from activating")
    void impact_over_its_time_limit_still_activates() {
        reloader.impactOver(MINI.resolve("facts"), Duration.ofNanos(1));
        write(claims.replaceFirst("@hedge\\(\"will\"\\)", "@hedge(\"likely\")"));

        assertThat(reloader.reload()).isTrue();

        JsonObject impact = impact();
        assertThat(impact.getString("newRevision")).isEqualTo(advisor.get().revision());
        assertThat(impact.getBoolean("computed")).isFalse();
        assertThat(impact.getString("reason")).contains("not computed within");
        assertThat(impact.containsKey("scenarios")).isFalse();
        assertThat(lines(Level.WARN)).anySatisfy(line -> assertThat(line).contains("could not be computed"));
    }
}
