package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.policyadvisor.scenario.Expectations;
import org.policyadvisor.scenario.ScenarioReader;

/** The claims written in English sentences: rules/*.dslr, expanded with the sentences of rules/claims.dsl. */
class ClaimsDslTest {

    private static final Pattern CONCLUSION =
            Pattern.compile("insertLogical\\(new (\\w+)\\(\"[^\"]*\"(, \"[^\"]*\")*\\)\\);");
    private static final Pattern CONDITION = Pattern.compile("(not )?(\\w+)\\(.*\\)");

    private final Advisor advisor = Fixtures.article();

    private List<Rule> englishClaims() {
        return advisor.rules().stream().filter(r -> r.file().endsWith(".dslr")).toList();
    }

    private static List<String> dsl(String section) throws IOException {
        return Files.readAllLines(Fixtures.repo().resolve("rules/claims.dsl")).stream()
                .filter(line -> line.startsWith("[" + section + "]"))
                .map(line -> line.substring(line.indexOf('=') + 1))
                .toList();
    }

    @Test
    void at_least_ten_claims_are_written_in_english_sentences() {
        assertThat(englishClaims()).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void every_english_claim_is_expected_to_fire_in_a_shipped_scenario() {
        ScenarioReader reader = Fixtures.scenarioReader();
        Set<String> expected = new HashSet<>();
        for (String name : reader.names()) {
            Expectations e = reader.byName(name).expectations();
            expected.addAll(e.rules());
            e.derivedBy().forEach(d -> expected.addAll(d.rules()));
        }

        assertThat(englishClaims()).extracting(Rule::id).allSatisfy(id -> assertThat(expected).contains(id));
    }

    @Test
    void every_conclusion_sentence_inserts_one_declared_fact_and_nothing_else() throws IOException {
        assertThat(dsl("then")).isNotEmpty().allSatisfy(code -> {
            Matcher m = CONCLUSION.matcher(code);
            assertThat(m.matches()).as("conclusion %s", code).isTrue();
            assertThat(advisor.vocabulary().type(m.group(1))).as("type of %s", code).isPresent();
        });
    }

    @Test
    void every_condition_sentence_matches_one_declared_fact_type() throws IOException {
        assertThat(dsl("when")).isNotEmpty().allSatisfy(code -> {
            Matcher m = CONDITION.matcher(code);
            assertThat(m.matches()).as("condition %s", code).isTrue();
            assertThat(advisor.vocabulary().type(m.group(2))).as("type of %s", code).isPresent();
        });
    }

    @Test
    void an_english_claim_keeps_its_file_line_and_absent_condition() {
        Advisor words = Advisor.builder().rulesFrom(Fixtures.rulesDir(Map.of(
                "actors.csv", "code,name\nKOR,South Korea\nPRK,North Korea\n",
                "vocabulary.drl", """
                        package words;
                        declare PolicyStance
                            @doc("An actor's stance towards another.")
                            actor : String @key @actor
                            towards : String @key @actor
                        end
                        declare EngagementPolicy
                            @doc("An actor keeps a policy of engagement.")
                            actor : String @key @actor
                        end
                        declare TalksStalled
                            @doc("Talks with an actor stall.")
                            actor : String @key @actor
                        end
                        """,
                "words.dsl", """
                        [when]South Korea takes a hard stance towards North Korea=PolicyStance(actor == "KOR", towards == "PRK")
                        [when]South Korea keeps no engagement policy=not EngagementPolicy(actor == "KOR")
                        [then]talks with North Korea stall=insertLogical(new TalksStalled("PRK"));
                        """,
                "sources/s.txt", "id: s\n---\nSeoul's hard line stalls the talks.\n",
                "stances.dslr", """
                        package words;

                        expander words.dsl

                        rule "A hard line stalls the talks"
                            @id("hard-line-stalls-talks") @source("s") @quote("hard line stalls the talks") @hedge("may")
                        when
                            South Korea takes a hard stance towards North Korea
                            South Korea keeps no engagement policy
                        then
                            talks with North Korea stall
                        end
                        """))).build();
        Rule rule = words.rule("hard-line-stalls-talks").orElseThrow();

        assertThat(rule.file()).isEqualTo("stances.dslr");
        assertThat(rule.line()).isEqualTo(5);
        assertThat(rule.needs()).containsExactly("PolicyStance");
        assertThat(rule.absent()).containsExactly("South Korea keeps no engagement policy");
        assertThat(rule.conditions()).extracting(Condition::text).containsExactly(
                "South Korea takes a hard stance towards North Korea", "South Korea keeps no engagement policy");
        assertThat(rule.conclusions()).extracting(Conclusion::type).containsExactly("TalksStalled");
    }

    @Test
    void a_sentence_the_dsl_does_not_know_is_reported_at_its_file_and_line() {
        Path dir = Fixtures.rulesDir(Map.of(
                "actors.csv", "code,name\nRUS,Russia\n",
                "vocabulary.drl", """
                        package words;
                        declare Thing
                            @doc("A thing.")
                            name : String @key
                        end
                        """,
                "words.dsl", """
                        [when]there is a thing called {name:[a-z]+}=Thing(name == "{name}")
                        [then]conclude that there is a thing called {name:[a-z]+}=insertLogical(new Thing("{name}"));
                        """,
                "claims.dslr", """
                        package words;

                        expander words.dsl

                        rule "Misspelt"
                            @id("misspelt") @quote("q") @hedge("may")
                        when
                            there is a thing called alpha
                        then
                            conclude that there is a thing named beta
                        end
                        """));

        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                () -> Advisor.builder().rulesFrom(dir).build());

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("claims.dslr:10:5");
            assertThat(p.message()).isEqualTo("no [then] sentence of the DSL files matches 'conclude that there is a"
                    + " thing named beta'; the nearest is 'conclude that there is a thing called {name}' (words.dsl:2)");
        });
    }
}
