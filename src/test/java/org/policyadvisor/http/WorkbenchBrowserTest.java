package org.policyadvisor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policyadvisor.Advisor;
import org.policyadvisor.Fixtures;
import org.policyadvisor.Limits;
import org.policyadvisor.RuleSources;
import org.policyadvisor.engine.RuleCheck;
import org.policyadvisor.reload.Reloader;
import org.policyadvisor.scenario.Outcome;
import org.policyadvisor.scenario.ScenarioReader;
import org.policyadvisor.scenario.ScenarioRunner;

/**
 * The workbench page in a real browser (headless Chromium), against one server and one page load for the whole class:
 * the article's rules copied to a watched directory, and the repository's scenarios. The tests follow an analyst's
 * session, the last one editing the rules; with {@code -Dworkbench.screenshots=true} each leaves a screenshot of its view in
 * {@code target/workbench-screenshots} for review, and none may leave an error in the browser's console.
 */
@DisplayName("The workbench in headless Chromium")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserTest {

    private static final String PRECISION_RULE = "precision-weapons-unbind-seoul-aid";
    private static final String SEOUL_QUOTE = "the country will not be bound by anything with regard to its assistance"
            + " to Ukraine if Russia provides North Korea with precision weapons";
    private static final String ENTAILMENT_QUOTE = "A state that is no longer bound by any limit on its assistance to"
            + " another has lethal weapons among the aid it considers for it.";
    private static final String RULE_FILE = "regional-responses.dslr";
    private static final String PREMISE = "Russia supplies precision-weapons to North Korea";

    private static Path rules;
    private static AtomicReference<Advisor> advisor;
    private static Reloader reloader;
    private static Server server;
    private static HeadlessChromium chromium;
    private static WebDriver driver;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        if (!HeadlessChromium.installed()) {
            return;
        }
        long t0 = System.nanoTime();
        // The browser starts while the server does.
        CompletableFuture<HeadlessChromium> browser = CompletableFuture.supplyAsync(() -> HeadlessChromium.start(1280, 800));
        rules = Files.createTempDirectory("workbench-rules");
        Fixtures.copyTree(Path.of("rules"), rules);
        // The copy has the revision of the packaged rules, so the compiled article rules (shared with the other
        // tests of this JVM) serve it until an edit.
        Advisor initial = Fixtures.article();
        assertThat(RuleSources.fromDirectory(rules).revision()).isEqualTo(initial.revision());
        advisor = new AtomicReference<>(initial);
        reloader = new Reloader(rules, advisor, Limits.DEFAULT, RuleCheck::lintErrors, Duration.ofMillis(100),
                Clock.systemUTC());
        Path facts = Path.of("facts");
        reloader.impactOver(facts, Duration.ofSeconds(10));
        reloader.watch();
        Authoring authoring = Authoring.watching(rules, reloader::status);
        server = Server.start(advisor, () -> reloader.status().problems(),
                ServerConfig.defaults().withPort(0).withFactsDir(facts), 1, Exposure.none(), null, authoring);
        base = "http://127.0.0.1:" + server.port() + "/";
        long t1 = System.nanoTime();
        // What the first poll of a page would compute: check and the scenario tests of this revision.
        authoring.document(initial, facts);
        long t2 = System.nanoTime();
        chromium = browser.get();
        driver = chromium.driver;
        long t3 = System.nanoTime();
        // A first visit warms the browser and the server; the tests measure the visits after it.
        open("");
        chromium.consoleErrors();
        System.out.printf("server %d ms, authoring document %d ms, browser ready after %d ms, first visit %d ms%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t0) / 1_000_000,
                (System.nanoTime() - t3) / 1_000_000);
    }

    @AfterAll
    static void stop() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (reloader != null) {
                reloader.close();
            }
            if (server != null) {
                server.close();
            }
            HeadlessChromium.deleteTree(rules);
        }
    }

    /** Each test is skipped with the reason when the browser is missing (or fails under CI). */
    @BeforeEach
    void browser() {
        HeadlessChromium.assumeInstalled();
    }

    @AfterEach
    void nothingInTheConsole() {
        if (chromium != null) {
            assertThat(chromium.consoleErrors()).as("errors in the browser console").isEmpty();
        }
    }

    @Test
    @Order(1)
    @DisplayName("GET / shows the shipped scenarios, the vocabulary's types and the article, painted within a second,"
            + " with nothing from another host")
    void shows_scenarios_types_and_article() {
        open("");

        assertThat(optionValues("start-from")).contains("june-2024-summit", "precision-weapons-delivered");
        assertThat(optionValues("fact-type")).contains("ArmsTransfer", "TreatySigned", "LethalAidConsidered");
        select("fact-type", "ArmsTransfer");
        assertThat(text("fact-type-doc")).contains("supplies weapons");
        Number paint = (Number) js("const p = performance.getEntriesByName('first-contentful-paint')[0];"
                + " return p ? p.startTime : null;");
        assertThat(paint).as("first contentful paint, ms").isNotNull();
        assertThat(paint.doubleValue()).as("first contentful paint, ms").isLessThan(1000);

        click("tab-article");
        waitText(By.id("source-text"), "The state visit by Russian President Vladimir Putin to North Korea");
        assertThat(driver.findElements(By.cssSelector("#source-text mark.q"))).hasSizeGreaterThan(30);
        assertThat(text("not-encoded")).contains("Not encoded");
        @SuppressWarnings("unchecked")
        List<String> fetched = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".concat([location.href]);");
        assertThat(fetched).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(base));
        assertThat(unnamedControls()).as("controls without an accessible name").isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("builds 'Russia delivers precision weapons to North Korea' through the forms and finds South Korea's"
            + " consideration of lethal aid with its quoted sentences")
    void builds_a_scenario_through_the_forms() {
        reset("scenario");

        select("fact-type", "ArmsTransfer");
        select("field-supplier", "RUS");
        select("field-recipient", "PRK");
        select("field-category", "precision-weapons");
        click("add-fact-button");
        assertThat(text("facts")).contains("Arms transfer").contains("Russia").contains("North Korea")
                .contains("precision-weapons");
        click("run");

        WebElement lethal = waitFor(By.cssSelector("li.consequence[data-type='LethalAidConsidered']"));
        assertThat(lethal.getText()).contains("Lethal aid considered").contains("South Korea").contains("Ukraine");
        lethal.findElement(By.tagName("summary")).click();
        String explanation = lethal.findElement(By.className("explanation")).getDomProperty("textContent");
        assertThat(explanation).contains(ENTAILMENT_QUOTE).contains(SEOUL_QUOTE).contains(PRECISION_RULE)
                .contains("given Arms transfer");
        chromium.screenshot("scenario");

        WebElement node = waitFor(By.cssSelector("#graph .node.consequence[aria-label*='Lethal aid considered']"));
        node.click();
        waitText(By.id("graph-detail"), SEOUL_QUOTE);
        assertThat(driver.findElements(By.cssSelector("#graph .node"))).hasSize(9);
        assertThat(driver.findElements(By.cssSelector("#graph .edge-label")))
                .anySatisfy(label -> assertThat(label.getDomProperty("textContent")).contains("precision-weapons-unbind"));
        js("document.getElementById('graph-title').scrollIntoView()");
        chromium.screenshot("graph");

        // The scenario lives in the URL: the link alone reproduces it.
        String link = driver.getCurrentUrl();
        assertThat(link).contains("s=");
        open(link.substring(link.indexOf('#'))); // a new document, by way of about:blank
        waitFor(By.cssSelector("li.consequence[data-type='LethalAidConsidered']"));
    }

    @Test
    @Order(3)
    @DisplayName("against the baseline, the added consequences are marked; exported, the scenario is a test that"
            + " passes, and imports back; readable 390 px wide")
    void marks_what_the_baseline_lacks() throws IOException {
        reset("scenario");

        select("start-from", "precision-weapons-delivered");
        click("load-scenario");
        select("baseline", "june-2024-summit");
        click("run");

        WebElement added = waitFor(By.cssSelector("li.consequence.added[data-type='AidRestraintLifted']"));
        assertThat(added.findElement(By.cssSelector(".mark.added")).getDomProperty("textContent")).isEqualTo("added");
        assertThat(added.getText()).contains("South Korea");
        assertThat(driver.findElements(By.cssSelector("li.consequence.changed[data-type='LethalAidConsidered']")))
                .hasSize(1);
        assertThat(text("answer-status")).contains("Against the baseline june-2024-summit: 1 added");
        chromium.screenshot("baseline");

        // Exported, the scenario is a file that extends its baseline and passes as a test; imported, it is the same.
        click("export");
        WebElement file = driver.findElement(By.id("export-text"));
        waiting(Duration.ofSeconds(10)).until(d -> file.getDomProperty("value").contains("\"expect\""));
        String exported = file.getDomProperty("value");
        assertThat(exported).contains("\"extends\": \"june-2024-summit\"").contains("\"added\"");
        Path kept = Files.createTempDirectory("workbench-scenarios");
        try {
            Files.copy(Path.of("facts/june-2024-summit.json"), kept.resolve("june-2024-summit.json"));
            Files.writeString(kept.resolve("kept.json"), exported);
            Outcome outcome = new ScenarioRunner(advisor.get())
                    .run(new ScenarioReader(advisor.get().vocabulary(), kept), "kept");
            assertThat(outcome.failures()).isEmpty();
            reset("scenario");
            driver.findElement(By.id("import")).sendKeys(kept.resolve("kept.json").toAbsolutePath().toString());
            waitFor(By.cssSelector("li.consequence.added[data-type='AidRestraintLifted']"));
            assertThat(new Select(driver.findElement(By.id("baseline"))).getFirstSelectedOption().getDomProperty("value"))
                    .isEqualTo("june-2024-summit");
        } finally {
            HeadlessChromium.deleteTree(kept);
        }

        chromium.viewport(390, 844);
        try {
            Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow.intValue()).as("horizontal overflow at 390 px").isLessThanOrEqualTo(0);
            chromium.screenshot("baseline-390");
            click("tab-article");
            waitFor(By.cssSelector("#source-text mark.q"));
            overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow.intValue()).as("horizontal overflow at 390 px").isLessThanOrEqualTo(0);
            chromium.screenshot("article-390");
        } finally {
            chromium.viewport(1280, 800);
        }
    }

    @Test
    @Order(4)
    @DisplayName("why-not on a consequence that did not follow: applying a suggested set makes it follow")
    void applies_a_why_not_suggestion() {
        reset("scenario");
        select("start-from", "june-2024-summit");
        click("load-scenario");
        waitFor(By.cssSelector("li.consequence[data-type='StrategicAxis']"));
        assertThat(driver.findElements(By.cssSelector("li.consequence[data-type='AidRestraintLifted']"))).isEmpty();

        click("tab-whynot");
        select("whynot-type", "AidRestraintLifted");
        select("wn-field-actor", "KOR");
        click("whynot-ask");
        WebElement apply = waitFor(By.cssSelector("#whynot-answer button.apply"));
        assertThat(text("whynot-answer")).contains("does not follow").contains(PRECISION_RULE)
                .contains("Arms transfer");
        chromium.screenshot("why-not");
        apply.click();

        WebElement target = waitFor(By.cssSelector("li.consequence.target[data-type='AidRestraintLifted']"));
        assertThat(target.getText()).contains("South Korea");
        assertThat(driver.findElement(By.id("tab-scenario")).getDomAttribute("aria-selected")).isEqualTo("true");
        assertThat(text("facts")).contains("precision-weapons");
    }

    @Test
    @Order(5)
    @DisplayName("what the answer rests on: the baseline's treaty ranks first among its givens, each consequence"
            + " resting on a single given, claim or source says which; a sweep over two facts shows what holds where")
    void shows_what_the_answer_rests_on() {
        reset("scenario");
        select("start-from", "june-2024-summit");
        click("load-scenario");
        waitFor(By.cssSelector("li.consequence[data-type='StrategicAxis']"));

        click("tab-analysis");
        WebElement top = waitFor(By.cssSelector("#sensitivity-givens > li:first-child"));
        assertThat(top.getText()).contains("Treaty signed").contains("Russia").contains("North Korea")
                .containsPattern("removes \\d+ of \\d+");
        assertThat(text("sensitivity-claims")).contains("partnership-extends-russian-security-umbrella");
        assertThat(text("sensitivity-sources")).contains("firstpost-russia-dprk-pact");
        WebElement axis = driver.findElement(By.cssSelector("#sensitivity-single li.dependence[data-type='StrategicAxis']"));
        assertThat(axis.getText()).contains("Strategic axis").contains("SINGLE GIVEN").contains("Treaty signed")
                .contains("partnership-extends-russian-security-umbrella");
        assertThat(text("sensitivity-status")).contains("evaluations");
        chromium.screenshot("analysis");

        // The treaty (u1) and Seoul's conservative reversal (u2) uncertain: the axis holds with the treaty alone.
        checkUncertain("Treaty signed");
        checkUncertain("conservative-reversal");
        assertThat(text("sweep-count")).contains("4 combinations");
        click("sweep-run");
        WebElement holding = waitFor(By.cssSelector("#sweep-depending li[data-type='StrategicAxis']"));
        assertThat(holding.getText()).contains("holds in 2 of 4 combinations").contains("holds with: u1");
        assertThat(text("sweep-status")).contains("2 uncertain facts, 4 of 4 combinations evaluated");
        assertThat(driver.findElements(By.cssSelector("#sweep-robust li"))).isNotEmpty();
        assertThat(unnamedControls()).as("controls without an accessible name").isEmpty();

        chromium.viewport(390, 844);
        try {
            Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow.intValue()).as("horizontal overflow at 390 px").isLessThanOrEqualTo(0);
            chromium.screenshot("analysis-390");
        } finally {
            chromium.viewport(1280, 800);
        }
    }

    @Test
    @Order(6)
    @DisplayName("in the article view, the quote of a rule that fired stands out and opens onto its rule")
    void highlights_the_quotes_of_fired_rules() {
        String scenario = "{\"f\":[[\"ArmsTransfer\",{\"supplier\":\"RUS\",\"recipient\":\"PRK\","
                + "\"category\":\"precision-weapons\"}]]}";
        reset("scenario");
        go("#view=scenario&s=" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(scenario.getBytes(StandardCharsets.UTF_8)));
        waitFor(By.cssSelector("li.consequence[data-type='AidRestraintLifted']"));

        click("tab-article");
        select("source-select", "firstpost-russia-dprk-pact");
        WebElement fired = waitFor(By.cssSelector("#source-text mark.q.fired[data-rules~='" + PRECISION_RULE + "']"));
        assertThat(fired.getDomProperty("textContent")).contains("will not be bound by anything");
        assertThat(driver.findElements(By.cssSelector("#source-text mark.q:not(.fired)"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#source-text .ne"))).isNotEmpty();

        fired.sendKeys(Keys.ENTER);
        waitText(By.id("quote-detail"), PRECISION_RULE);
        assertThat(text("quote-detail")).contains("fired").contains(RULE_FILE + ":");
        chromium.screenshot("article");
    }

    @Test
    @Order(7)
    @DisplayName("usable by keyboard: arrow keys move between views, Enter opens a consequence")
    void keyboard() {
        reset("scenario");
        WebElement tab = driver.findElement(By.id("tab-scenario"));
        tab.sendKeys(Keys.ARROW_RIGHT);
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("tab-whynot");
        assertThat(shown(driver.findElement(By.id("view-whynot")))).isTrue();
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
        assertThat(shown(driver.findElement(By.id("view-scenario")))).isTrue();

        select("start-from", "precision-weapons-delivered");
        driver.findElement(By.id("load-scenario")).sendKeys(Keys.ENTER);
        WebElement summary = waitFor(By.cssSelector("li.consequence[data-type='LethalAidConsidered'] summary"));
        summary.sendKeys(Keys.ENTER);
        assertThat(summary.findElement(By.xpath("..")).getDomAttribute("open")).isNotNull();
        assertThat(unnamedControls()).as("controls without an accessible name").isEmpty();
    }

    @Test
    @Order(8)
    @DisplayName("authoring: a saved edit shows the new revision; a broken rule shows its problem at file:line")
    void follows_edits_of_the_rules() throws IOException {
        reset("authoring");
        String first = advisor.get().revision();
        waitText(By.id("active-revision"), first);
        waitText(By.id("tests-count"), "0 failed");
        chromium.screenshot("authoring");
        Path file = rules.resolve(RULE_FILE);
        String original = Files.readString(file);
        try {
            // The precision-weapons claim hedged "likely" instead of "will".
            String hedged = original.replace(SEOUL_QUOTE + "\")\n    @hedge(\"will\")",
                    SEOUL_QUOTE + "\")\n    @hedge(\"likely\")");
            assertThat(hedged).isNotEqualTo(original);
            Files.writeString(file, hedged);
            String edited = RuleSources.fromDirectory(rules).revision();
            long saved = System.nanoTime();
            waitText(By.id("active-revision"), edited, Duration.ofSeconds(10));
            System.out.printf("the page showed revision %s %d ms after the save%n", edited,
                    (System.nanoTime() - saved) / 1_000_000);
            waitText(By.id("tests"), "FAIL");
            // The impact of the edit, computed once the revision answers: the page shows it when it is known.
            waitText(By.id("last-reload"), "Revision " + first + " \u2192 " + edited + ": ");
            waitText(By.id("last-reload"), " regression");
            chromium.screenshot("authoring-edited");

            String broken = hedged.replace("    " + PREMISE, "    " + PREMISE.replace("North Korea", "Nort Korea"));
            int line = lineOf(broken, "Nort Korea");
            Files.writeString(file, broken);
            saved = System.nanoTime();
            waitText(By.id("view-authoring"), RULE_FILE + ":" + line + ":", Duration.ofSeconds(10));
            System.out.printf("the page showed the problem at %s:%d %d ms after the save%n", RULE_FILE, line,
                    (System.nanoTime() - saved) / 1_000_000);
            // The reloader records its refusal on its own thread: it may reach the page after check's diagnostics.
            waitText(By.id("reload-problems"), "Nort Korea");
            waitText(By.id("last-reload"), "not activated");
            waitText(By.id("problems"), RULE_FILE + ":" + line + ":");
            assertThat(text("problems")).contains("Nort Korea").contains("error");
            assertThat(text("active-revision")).isEqualTo(edited);
            chromium.screenshot("authoring-broken");
        } finally {
            Files.writeString(file, original);
        }
        waitText(By.id("active-revision"), first, Duration.ofSeconds(10));
    }

    // ---------------------------------------------------------------- helpers

    /** Loads the page afresh at this fragment (a new document even when only the fragment differs). */
    private static void open(String fragment) {
        if (!fragment.isEmpty()) {
            driver.navigate().to("about:blank");
        }
        driver.navigate().to(base + fragment);
        waitFor(By.cssSelector("body[data-ready]"));
    }

    private static int resets;

    /**
     * Empties the scenario and shows a view in the page already loaded, through its link (the fragment), as a
     * visitor following a link to an empty scenario would: no new document. The tests share one page load this way
     * (only the first test, and a link that must reproduce a scenario alone, load the page afresh). It waits until
     * no fact and no consequence of an earlier test is left, so a later wait cannot be met by them.
     */
    private static void reset(String view) {
        String empty = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"f\":[]}".getBytes(StandardCharsets.UTF_8));
        go("#view=" + view + "&s=" + empty + "&reset=" + ++resets);
        waiting(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("li.consequence, #facts li.fact"))
                .isEmpty() && shown(d.findElement(By.id("view-" + view))));
    }

    /** Follows a link within the page: a new fragment of the same document. */
    private static void go(String fragment) {
        driver.navigate().to(base + fragment);
        waitFor(By.cssSelector("body[data-ready]"));
    }

    /** Polls every 40 ms; an element the page replaced between two steps of a poll only means another poll. */
    private static WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(Duration.ofMillis(40));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The first element found, once it is rendered (one light script a poll, not WebDriver's visibility atom). */
    private static WebElement waitFor(By by) {
        return waiting(Duration.ofSeconds(10)).until(d -> {
            List<WebElement> found = d.findElements(by);
            return !found.isEmpty() && shown(found.get(0)) ? found.get(0) : null;
        });
    }

    private static boolean shown(WebElement element) {
        return Boolean.TRUE.equals(js("return arguments[0].checkVisibility();", element));
    }

    private static void waitText(By by, String text) {
        waitText(by, text, Duration.ofSeconds(10));
    }

    private static void waitText(By by, String text, Duration timeout) {
        waiting(timeout).until(d -> {
            List<WebElement> found = d.findElements(by);
            return !found.isEmpty() && found.get(0).getDomProperty("textContent").contains(text);
        });
    }

    private static String text(String id) {
        return driver.findElement(By.id(id)).getDomProperty("textContent");
    }

    /** Marks as uncertain, in the sweep form, the fact whose label contains this text. */
    private static void checkUncertain(String text) {
        WebElement label = driver.findElements(By.cssSelector("#sweep-facts label")).stream()
                .filter(l -> l.getDomProperty("textContent").contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no fact " + text + " in the sweep form"));
        driver.findElement(By.id(label.getDomAttribute("for"))).click();
    }

    /**
     * Clicks a control by its id through the page's own click event: one script, where WebDriver's pointer click took
     * about five times as long. The graph, the explanations and the why-not answer are clicked with the pointer, and
     * the keyboard test drives the page by keys alone.
     */
    private static void click(String id) {
        js("document.getElementById(arguments[0]).click();", id);
    }

    /**
     * Chooses an option as a user's choice does (the select's input and change events), once the select is shown
     * and has the option: one script instead of WebDriver's clicks on the list and the option.
     */
    private static void select(String id, String value) {
        waiting(Duration.ofSeconds(10)).withMessage(() -> "no option '" + value + "' in #" + id).until(d -> js("""
                const el = document.getElementById(arguments[0]);
                if (!el || el.disabled || !el.checkVisibility()) return false;
                if (![...el.options].some(o => o.value === arguments[1])) return false;
                el.value = arguments[1];
                el.dispatchEvent(new Event('input', {bubbles: true}));
                el.dispatchEvent(new Event('change', {bubbles: true}));
                return true;
                """, id, value).equals(Boolean.TRUE));
    }

    @SuppressWarnings("unchecked")
    private static List<String> optionValues(String id) {
        return (List<String>) js("return [...document.getElementById(arguments[0]).options].map(o => o.value);", id);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The visible controls that have no accessible name: no label, no aria-label(ledby), no text. */
    @SuppressWarnings("unchecked")
    private static List<String> unnamedControls() {
        return (List<String>) js("""
                const controls = document.querySelectorAll('button, select, input, textarea, a[href], [tabindex], [role=button]');
                return [...controls].filter(el => el.offsetParent !== null || el.closest('svg'))
                  .filter(el => el.getAttribute('tabindex') !== '-1' || el.getAttribute('role') === 'tab')
                  .filter(el => !((el.labels && el.labels.length) || el.getAttribute('aria-label')
                      || el.getAttribute('aria-labelledby') || el.textContent.trim()))
                  .map(el => el.outerHTML.slice(0, 120));
                """);
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + needle);
    }
}
