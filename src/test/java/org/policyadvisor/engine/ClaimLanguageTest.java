package org.policyadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policyadvisor.Advisor;
import org.policyadvisor.Fixtures;
import org.policyadvisor.InvalidRulesException;
import org.policyadvisor.Problem;

/**
 * Rules are claims in a closed language, read and never run: whatever a rule file says outside that language is
 * refused when the rule base is built, at {@code file:line:col}, naming the construct; and every name and literal of a
 * claim is checked against the vocabulary, with "did you mean".
 */
class ClaimLanguageTest {

    private static final String VOCABULARY = """
            package t;
            declare ArmsTransfer
                @doc("One actor supplies weapons to another.")
                supplier : String @key @actor
                recipient : String @key @actor
                category : String @key @values("precision-weapons|ammunition")
            end
            declare Flag
                @doc("An actor's flag is up or down.")
                actor : String @key @actor
                up : boolean @key
            end
            declare Count
                @doc("A number.")
                n : int @key
            end
            """;

    private static final String FLAG = "insertLogical(new Flag(\"RUS\", true));";

    /** A file of one rule: its tags on line 4, its condition on line 6 and its action on line 8. */
    private static String rule(String attributes, String when, String then) {
        return "package t;\n\nrule \"Case\"\n    @id(\"case\") @quote(\"q\") @hedge(\"may\")" + attributes + "\nwhen\n    "
                + when + "\nthen\n    " + then + "\nend\n";
    }

    private static Advisor build(String claims) {
        return Advisor.builder().rulesFrom(Fixtures.rulesDir(Map.of("vocabulary.drl", VOCABULARY,
                "actors.csv", "code,name\nRUS,Russia\nPRK,North Korea\n", "claims.drl", claims))).build();
    }

    static Stream<Arguments> outside_the_language() {
        return Stream.of(
                Arguments.of("eval", rule("", "eval(true)", FLAG), List.of("claims.drl:6:5: 'eval' is not part of the"
                        + " claim language: a condition is Type(...) or not Type(...) [case]")),
                Arguments.of("from", rule("", "ArmsTransfer() from java.util.List.of()", FLAG),
                        List.of("claims.drl:6:5: 'from' is not part of the claim language: a condition matches the facts"
                                + " of the scenario only [case]")),
                Arguments.of("accumulate", rule("", "Count() from accumulate(Count($n : n), sum($n))", FLAG),
                        List.of("claims.drl:6:5: 'accumulate' is not part of the claim language: a condition matches"
                                + " the facts of the scenario only [case]")),
                Arguments.of("exists", rule("", "exists ArmsTransfer()", FLAG), List.of("claims.drl:6:5: 'exists' is"
                        + " not part of the claim language: a condition is Type(...) or not Type(...) [case]")),
                Arguments.of("or", rule("", "ArmsTransfer() or Count()", FLAG), List.of("claims.drl:6:5: 'or' is not"
                        + " part of the claim language: a condition is Type(...) or not Type(...) [case]")),
                Arguments.of("import", "package t;\nimport java.util.List;\n" + rule("", "ArmsTransfer()", FLAG)
                        .replace("package t;\n", ""), List.of("claims.drl:2:1: 'import' is not part of the claim"
                        + " language")),
                Arguments.of("global", "package t;\nglobal java.util.List list;\n" + rule("", "ArmsTransfer()", FLAG)
                        .replace("package t;\n", ""), List.of("claims.drl:2:1: 'global' is not part of the claim"
                        + " language")),
                Arguments.of("function", rule("", "ArmsTransfer()", FLAG) + "function int f() { return 1; }\n",
                        List.of("claims.drl:10:1: 'function' is not part of the claim language")),
                Arguments.of("query", rule("", "ArmsTransfer()", FLAG) + "query \"q\"\n    Count()\nend\n",
                        List.of("claims.drl:10:1: 'query' is not part of the claim language")),
                Arguments.of("salience", rule("\n    salience 10", "ArmsTransfer()", FLAG), List.of("claims.drl:5:14:"
                        + " the rule attribute 'salience' is not part of the claim language [case]")),
                Arguments.of("dialect", rule("\n    dialect \"mvel\"", "ArmsTransfer()", FLAG), List.of("claims.drl:5:13:"
                        + " the rule attribute 'dialect' is not part of the claim language [case]")),
                Arguments.of("other metadata", rule(" @author(\"me\")", "ArmsTransfer()", FLAG),
                        List.of("claims.drl:4:43: @author is not rule metadata; a rule takes @id, @source, @quote and"
                                + " @hedge [case]")),
                Arguments.of("declare", "package t;\ndeclare Other\n    x : String @key\nend\n"
                        + rule("", "ArmsTransfer()", FLAG).replace("package t;\n", ""),
                        List.of("claims.drl:2:1: 'declare' belongs in vocabulary.drl; a rule file holds rules only")),
                Arguments.of("a method call", rule("", "ArmsTransfer(supplier.length() == 3)", FLAG),
                        List.of("claims.drl:6:18: 'supplier.length()' is not a field name: method calls are not part"
                                + " of the claim language [case]")),
                Arguments.of("another operator", rule("", "Count(n < 3)", FLAG), List.of("claims.drl:6:11: the"
                        + " operator '<' in 'n < 3' is not part of the claim language; use ==, != or in [case]")),
                Arguments.of("a whole fact bound", rule("", "$t : ArmsTransfer()", FLAG), List.of("claims.drl:6:5:"
                        + " binding a whole fact ('$t : ArmsTransfer(...)') is not part of the claim language; bind"
                        + " fields instead ($a : field) [case]")),
                Arguments.of("arithmetic", rule("", "Count($n : n)", "insertLogical(new Count($n + 1));"),
                        List.of("claims.drl:8:29: the argument '$n + 1' is not a literal or a variable: arithmetic is"
                                + " not part of the claim language [case]")),
                Arguments.of("a call in the action", rule("", "ArmsTransfer()", "System.exit(0);"),
                        List.of("claims.drl:8:5: the call 'System.exit(...)' is not part of the claim language; a"
                                + " conclusion is insertLogical(new Type(arg, ...)); with literal or $variable"
                                + " arguments [case]")),
                Arguments.of("insert", rule("", "ArmsTransfer()", "insert(new Flag(\"RUS\", true));"),
                        List.of("claims.drl:8:5: insert(...) keeps what it concludes when its premises are withdrawn;"
                                + " use insertLogical(...) [case]")),
                Arguments.of("a unicode escape", rule("", "ArmsTransfer(supplier == \"\\u0052US\")", FLAG),
                        List.of("claims.drl:6:31: unicode escapes ('\\u...') are not part of the claim language; write"
                                + " the character itself")),
                Arguments.of("a text block", rule("", "ArmsTransfer()", "insertLogical(new Flag(\"\"\"\n    RUS\"\"\","
                        + " true));"), List.of("claims.drl:8:28: text blocks (\"\"\") are not part of the claim language",
                        "claims.drl:9:8: text blocks (\"\"\") are not part of the claim language")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void outside_the_language(String construct, String claims, List<String> expected) {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class, () -> build(claims));

        assertThat(e).as(construct + " is refused").isNotNull();
        assertThat(e.code().text()).isEqualTo("invalid_rules");
        assertThat(e.problems()).extracting(Problem::toString).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> against_the_vocabulary() {
        return Stream.of(
                Arguments.of("a type", rule("", "ArmTransfer()", FLAG), "claims.drl:6:5: unknown fact type"
                        + " 'ArmTransfer' (did you mean 'ArmsTransfer'?); the vocabulary declares ArmsTransfer, Count,"
                        + " Flag [case]"),
                Arguments.of("a field", rule("", "ArmsTransfer(suplier == \"RUS\")", FLAG), "claims.drl:6:18: unknown"
                        + " field 'suplier' of ArmsTransfer (did you mean 'supplier'?); expected supplier, recipient,"
                        + " category [case]"),
                Arguments.of("an actor", rule("", "ArmsTransfer(supplier == \"RUSS\")", FLAG), "claims.drl:6:18:"
                        + " ArmsTransfer.supplier: unknown actor 'RUSS' (did you mean 'RUS'?); expected one of PRK, RUS"
                        + " [case]"),
                Arguments.of("a listed value", rule("", "ArmsTransfer(category == \"amunition\")", FLAG),
                        "claims.drl:6:18: ArmsTransfer.category: 'amunition' is not allowed (did you mean"
                                + " 'ammunition'?); expected one of precision-weapons, ammunition [case]"),
                Arguments.of("a listed value among several", rule("", "ArmsTransfer(category in (\"ammunition\","
                        + " \"amunition\"))", FLAG), "claims.drl:6:18: ArmsTransfer.category: 'amunition' is not"
                        + " allowed (did you mean 'ammunition'?); expected one of precision-weapons, ammunition [case]"),
                Arguments.of("a boolean", rule("", "Flag(up == \"yes\")", FLAG), "claims.drl:6:10: Flag.up: expected"
                        + " true or false, got the string \"yes\" [case]"),
                Arguments.of("a conclusion's arguments", rule("", "ArmsTransfer()", "insertLogical(new Flag(\"RUS\"));"),
                        "claims.drl:8:19: new Flag(...) takes 2 arguments (actor, up), got 1 [case]"),
                Arguments.of("a variable never bound", rule("", "ArmsTransfer()", "insertLogical(new Flag($x, true));"),
                        "claims.drl:8:19: variable $x is not bound in a condition that must hold (a variable of a"
                                + " 'not' condition holds no value) [case]"),
                Arguments.of("a variable bound in an absence", rule("", "not ArmsTransfer($s : supplier)",
                        "insertLogical(new Flag($s, true));"), "claims.drl:8:19: variable $s is not bound in a"
                        + " condition that must hold (a variable of a 'not' condition holds no value) [case]"),
                Arguments.of("a variable of another kind", rule("", "Count($n : n)", "insertLogical(new Flag($n, true));"),
                        "claims.drl:8:19: variable $n holds an integer (Count.n) but Flag.actor takes a string [case]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void against_the_vocabulary(String what, String claims, String expected) {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class, () -> build(claims));

        assertThat(e).as(what + " is checked").isNotNull();
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(expected);
    }

    @Test
    void every_form_of_the_language_builds() {
        Advisor advisor = build(rule("", "ArmsTransfer($s : supplier, category in (\"ammunition\"), recipient != $s)\n"
                + "    not Flag(actor == $s, up == true)", "insertLogical(new Flag($s, false));"));

        assertThat(advisor.rules()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("case");
            assertThat(r.needs()).containsExactly("ArmsTransfer");
        });
    }
}
