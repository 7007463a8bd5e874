package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.RuleCheck;

class InvalidRulesTest {

    private static final String TYPES = """
            package bad;
            declare Thing
                @doc("A thing.")
                name : String @key
            end
            """;

    private static final String ACTORS = "code,name\nRUS,Russia\n";

    private static InvalidRulesException compile(String drl) {
        return catchThrowableOfType(InvalidRulesException.class, () -> Advisor.builder()
                .rulesFrom(Fixtures.rulesDir(Map.of("vocabulary.drl", TYPES, "actors.csv", ACTORS, "claims.drl", drl)))
                .build());
    }

    @Test
    void a_syntax_error_names_the_file_and_line() {
        InvalidRulesException e = compile("""
                package bad;
                rule "Broken" @id("broken") @quote("q") @hedge("may")
                when
                    Thing(name == )
                then
                end
                """);

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RULES);
        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.where()).startsWith("claims.drl:"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.where()).startsWith("claims.drl:4:"));
    }

    @Test
    void every_missing_piece_of_provenance_is_reported_at_once() {
        InvalidRulesException e = compile("""
                package bad;
                rule "No id" @quote("q") @hedge("may")
                when Thing() then insertLogical(new Thing("x")); end
                rule "No quote" @id("no-quote") @hedge("may")
                when Thing() then insertLogical(new Thing("y")); end
                rule "Odd hedge" @id("odd") @quote("q") @hedge("perhaps")
                when Thing() then insertLogical(new Thing("z")); end
                """);

        assertThat(e.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                "claims.drl:2:1: rule 'No id' has no @id",
                "claims.drl:4:1: rule 'No quote' has no @quote [no-quote]",
                "claims.drl:6:41: rule 'Odd hedge' has unknown @hedge(\"perhaps\"); "
                        + "expected one of stated, will, expected, likely, may, could, alleged [odd]");
    }

    @Test
    void duplicate_ids_are_rejected() {
        InvalidRulesException e = compile("""
                package bad;
                rule "One" @id("same") @quote("q") @hedge("may")
                when Thing() then insertLogical(new Thing("x")); end
                rule "Two" @id("same") @quote("q") @hedge("may")
                when Thing() then insertLogical(new Thing("y")); end
                """);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("claims.drl:4:12");
            assertThat(p.message()).isEqualTo("duplicate @id(\"same\"): rule 'One' at claims.drl:2 has it too [same]");
        });
    }

    @Test
    void a_dslr_sentence_the_dsl_does_not_know_is_named_with_its_line() {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class, () -> Advisor.builder()
                .rulesFrom(Fixtures.rulesDir(Map.of("vocabulary.drl", TYPES, "actors.csv", ACTORS,
                        "words.dsl", "[when]there is a thing=Thing()\n[then]conclude {n}=insertLogical(new Thing(\"{n}\"));\n",
                        "claims.dslr", """
                                package bad;
                                expander words.dsl
                                rule "Talk" @id("talk") @quote("q") @hedge("may")
                                when
                                    there is a thing
                                    the moon is made of cheese
                                then
                                    conclude x
                                end
                                """))).build());

        assertThat(e.problems()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.where()).startsWith("claims.dslr:6:"))
                .anySatisfy(p -> assertThat(p.message()).contains("the moon is made of cheese"));
    }

    @Test
    void what_only_check_reports_does_not_keep_a_rule_base_from_being_built() {
        Map<String, String> files = Map.of("vocabulary.drl", TYPES, "actors.csv", ACTORS, "claims.drl", """
                package bad;
                rule "Unsourced" @id("unsourced") @source("nowhere") @quote("not in any source") @hedge("may")
                when Thing($n : name) then insertLogical(new Thing($n)); end
                """, "sources/empty.txt", "id: empty\n---\nNothing.\n");
        Path dir = Fixtures.rulesDir(files);

        Advisor advisor = Advisor.builder().rulesFrom(dir).build();

        assertThat(advisor.rules()).extracting(Rule::id).containsExactly("unsourced");
        assertThat(RuleCheck.lintErrors(RuleSources.fromDirectory(dir)))
                .extracting(Problem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("claims.drl:2:35: unknown source 'nowhere'"))
                .anySatisfy(p -> assertThat(p).startsWith("sources/empty.txt:1:1: source 'empty' has no 'title:'"));
    }

    @Test
    void a_directory_without_rules_is_an_error() {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                () -> Advisor.builder().rulesFrom(Fixtures.rulesDir(Map.of("README.md", "nothing"))).build());

        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("no rule files"));
    }
}
