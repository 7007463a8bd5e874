package org.policyadvisor.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;
import org.policyadvisor.Advisor;
import org.policyadvisor.AdvisorException;
import org.policyadvisor.Problem;
import org.policyadvisor.RuleSources;
import org.policyadvisor.check.CheckReport;
import org.policyadvisor.check.Diagnostic;
import org.policyadvisor.check.ExpectedTypes;
import org.policyadvisor.check.Severity;
import org.policyadvisor.engine.RuleCheck;
import org.policyadvisor.reload.LoadStatus;
import org.policyadvisor.scenario.Outcome;
import org.policyadvisor.scenario.ScenarioReader;
import org.policyadvisor.scenario.ScenarioRunner;

/**
 * The authoring document of {@link Authoring}: the active revision, what the reloader last did, what {@code check}
 * finds in the rules as they are now on disk, and the scenario tests run against the active revision. Each part is
 * computed again only when what it depends on changed (the rules' text, the scenario files, the advisor serving);
 * a poll that finds nothing changed costs a read of the two directories.
 */
final class AuthoringReport {

    private static final String CLAIMS = "CLAIMS.md";

    private final Authoring authoring;
    private RuleSources packaged;
    private String checkedKey;
    private CheckReport checked;
    private String checkedRevision;
    private String testedKey;
    private List<Outcome> outcomes;
    private Set<String> untested;
    /** The ledger has its own lock: reading it never waits for a check or the scenario tests. */
    private final Object ledgerLock = new Object();
    private String ledgerText;
    private ClaimsLedger ledger = ClaimsLedger.NONE;

    AuthoringReport(Authoring authoring) {
        this.authoring = authoring;
    }

    /** The rules as they are now, and what reading them found wrong. */
    private record Rules(RuleSources sources, List<Problem> problems, String key) {
    }

    /** Everything the document depends on, read once per request. */
    private record Inputs(Rules rules, String factsKey, Optional<LoadStatus> status, String advisorKey) {

        String version() {
            return hash(advisorKey + "\u0000" + rules.key() + "\u0000" + factsKey + "\u0000" + status.map(s ->
                    s.activeRevision() + s.lastAttempt() + s.lastAttemptRevision() + s.reloads() + s.problems()
                    + (s.impact() != null && s.impact().pending()))
                    .orElse(""));
        }
    }

    synchronized String version(Advisor advisor, Path factsDir) {
        return inputs(advisor, factsDir).version();
    }

    synchronized Buffer document(Advisor advisor, Path factsDir) {
        Inputs in = inputs(advisor, factsDir);
        String checkKey = in.rules().key() + "\u0000" + in.factsKey();
        boolean pending = reloading(in);
        if (!checkKey.equals(checkedKey) && (checked == null || !pending)) {
            check(in, factsDir);
            checkedKey = checkKey;
        }
        String testKey = in.advisorKey() + "\u0000" + in.factsKey();
        if (!testKey.equals(testedKey)) {
            test(advisor, factsDir);
            testedKey = testKey;
        }
        return JsonBody.object(g -> {
            g.writeStringField("version", in.version());
            g.writeStringField("revision", advisor.revision());
            g.writeStringField("loadedAt", advisor.loadedAt().toString());
            g.writeObjectFieldStart("rules");
            g.writeStringField("origin", authoring.rules().map(Documents::folder).orElse("packaged"));
            g.writeBooleanField("watched", authoring.status().isPresent());
            g.writeEndObject();
            if (in.status().isPresent()) {
                reload(g, in.status().get(), authoring.rules());
            }
            g.writeObjectFieldStart("check");
            g.writeStringField("revision", checkedRevision);
            g.writeBooleanField("pending", !checkKey.equals(checkedKey));
            g.writeNumberField("errors", checked.errors());
            g.writeNumberField("warnings", checked.warnings());
            g.writeArrayFieldStart("diagnostics");
            for (Diagnostic d : checked.diagnostics()) {
                diagnostic(g, d);
            }
            g.writeEndArray();
            g.writeEndObject();
            tests(g, advisor, factsDir);
        });
    }

    /** The claims ledger of the rules served: {@code CLAIMS.md} of the directory, or of the packaged rules. */
    ClaimsLedger ledger() {
        synchronized (ledgerLock) {
            return readLedger();
        }
    }

    private ClaimsLedger readLedger() {
        String text;
        try {
            text = authoring.rules().isPresent() ? readIfPresent(authoring.rules().get().resolve(CLAIMS))
                    : packagedLedger();
        } catch (UncheckedIOException e) {
            text = null;
        }
        if (text == null) {
            return ClaimsLedger.NONE;
        }
        if (!text.equals(ledgerText)) {
            ledger = ClaimsLedger.parse(text);
            ledgerText = text;
        }
        return ledger;
    }

    private Inputs inputs(Advisor advisor, Path factsDir) {
        String advisorKey = advisor.revision() + "@" + Integer.toHexString(System.identityHashCode(advisor));
        return new Inputs(rules(), factsKey(factsDir), authoring.status(), advisorKey);
    }

    /**
     * True while the reloader has not yet tried the rules as they are on disk: the check waits for it rather than
     * compete with it for the processor, so that a saved edit is served (or refused) as soon as possible.
     */
    private static boolean reloading(Inputs in) {
        return in.rules().sources() != null && in.status().isPresent()
                && !in.rules().sources().revision().equals(in.status().get().lastAttemptRevision());
    }

    private Rules rules() {
        if (authoring.rules().isEmpty()) {
            if (packaged == null) {
                packaged = RuleSources.packaged();
            }
            return new Rules(packaged, List.of(), "packaged");
        }
        Path dir = authoring.rules().get();
        try {
            RuleSources sources = RuleSources.fromDirectory(dir);
            StringBuilder key = new StringBuilder();
            for (RuleSources.File f : sources.files()) {
                key.append(f.path()).append('\u0000').append(f.text()).append('\u0000');
            }
            return new Rules(sources, List.of(), hash(key.toString()));
        } catch (AdvisorException e) {
            List<Problem> problems = Documents.shown(e.problems(), authoring.rules());
            return new Rules(null, problems, hash(problems.toString()));
        } catch (UncheckedIOException e) {
            List<Problem> problems = List.of(new Problem(Documents.folder(dir), "cannot be read"));
            return new Rules(null, problems, hash(problems.toString()));
        }
    }

    private void check(Inputs in, Path factsDir) {
        Rules rules = in.rules();
        if (rules.sources() == null) {
            checked = new CheckReport(rules.problems().stream().map(p -> Diagnostic.of(p, Severity.ERROR)).toList());
            checkedRevision = "?";
        } else {
            checked = RuleCheck.report(rules.sources(), Optional.empty(), ExpectedTypes.in(factsDir));
            checkedRevision = rules.sources().revision();
        }
    }

    private void test(Advisor advisor, Path factsDir) {
        ScenarioReader reader = ScenarioReader.serving(advisor.vocabulary(), factsDir);
        ScenarioRunner runner = new ScenarioRunner(advisor);
        List<Outcome> all = new ArrayList<>();
        for (String name : reader.names()) {
            all.add(runner.run(reader, name));
        }
        outcomes = List.copyOf(all);
        untested = runner.untested(all);
    }

    private void tests(JsonGenerator g, Advisor advisor, Path factsDir) throws IOException {
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        g.writeObjectFieldStart("tests");
        g.writeStringField("revision", advisor.revision());
        g.writeStringField("facts", Documents.folder(factsDir));
        g.writeNumberField("passed", outcomes.size() - failed);
        g.writeNumberField("failed", failed);
        g.writeArrayFieldStart("outcomes");
        for (Outcome o : outcomes) {
            g.writeStartObject();
            g.writeStringField("name", o.name());
            g.writeStringField("description", o.description());
            g.writeBooleanField("passed", o.passed());
            g.writeArrayFieldStart("failures");
            for (String f : o.failures()) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("untested");
        for (String id : untested) {
            g.writeString(id);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void reload(JsonGenerator g, LoadStatus s, Optional<Path> folder) throws IOException {
        g.writeObjectFieldStart("reload");
        g.writeStringField("activeRevision", s.activeRevision());
        g.writeStringField("activeSince", s.activeSince().toString());
        g.writeStringField("lastAttempt", s.lastAttempt().toString());
        g.writeStringField("lastAttemptRevision", s.lastAttemptRevision());
        g.writeNumberField("reloads", s.reloads());
        g.writeArrayFieldStart("problems");
        for (Problem p : Documents.shown(s.problems(), folder)) {
            diagnostic(g, Diagnostic.of(p, Severity.ERROR));
        }
        g.writeEndArray();
        if (s.impact() != null) {
            g.writeFieldName("impact");
            Documents.impact(g, s.impact());
        }
        g.writeEndObject();
    }

    private static void diagnostic(JsonGenerator g, Diagnostic d) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", d.file());
        g.writeNumberField("line", d.line());
        g.writeNumberField("col", d.col());
        g.writeStringField("severity", d.isError() ? "error" : "warning");
        g.writeStringField("message", d.message());
        g.writeStringField("rule", d.ruleId());
        g.writeEndObject();
    }

    /** The names and contents of the scenario files, hashed: any edit, addition or removal changes it. */
    private static String factsKey(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return "none";
        }
        StringBuilder key = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                key.append(p.getFileName()).append('\u0000');
                key.append(Files.readString(p, StandardCharsets.UTF_8)).append('\u0000');
            }
        } catch (IOException | UncheckedIOException e) {
            key.append("unreadable: ").append(e.getMessage());
        }
        return hash(key.toString());
    }

    private static String readIfPresent(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String packagedLedger() {
        try (InputStream in = AuthoringReport.class.getClassLoader()
                .getResourceAsStream(RuleSources.PACKAGED + "/" + CLAIMS)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
