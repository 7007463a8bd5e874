package org.policyadvisor.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policyadvisor.Problem;

class DiagnosticTest {

    private static Claim claim(String id, int line, List<Premise> premises, String... concludes) {
        List<Insert> inserts = new ArrayList<>();
        for (String type : concludes) {
            inserts.add(new Insert(type, List.of(), line + 3, 5));
        }
        return new Claim(id, Map.of("id", new Claim.Tag(id, line, 5)), premises, inserts, "r.drl", line, line + 5);
    }

    private static Premise needs(String type, Constraint... constraints) {
        return new Premise(type, false, List.of(constraints), type + "(...)", 1, 1);
    }

    @Test
    void a_diagnostic_prints_as_file_line_col_severity_message_and_rule_id() {
        assertThat(Diagnostic.error("a.drl", 3, 7, "broken", "r-1").format()).isEqualTo("a.drl:3:7: error: broken [r-1]");
        assertThat(Diagnostic.warning("a.drl", 3, 7, "odd", "").format()).isEqualTo("a.drl:3:7: warning: odd");
    }

    @Test
    void diagnostics_sort_by_file_line_and_column_then_errors_first() {
        CheckReport report = new CheckReport(List.of(
                Diagnostic.warning("b.drl", 1, 1, "w", ""),
                Diagnostic.warning("a.drl", 10, 1, "w", ""),
                Diagnostic.error("a.drl", 10, 1, "e", ""),
                Diagnostic.error("a.drl", 9, 30, "e", ""),
                Diagnostic.error("a.drl", 9, 30, "e", "")));

        assertThat(report.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "a.drl:9:30: error: e", "a.drl:10:1: error: e", "a.drl:10:1: warning: w", "b.drl:1:1: warning: w");
        assertThat(report.summary()).isEqualTo("2 errors, 2 warnings");
        assertThat(new CheckReport(List.of(Diagnostic.error("a", 1, 1, "e", ""))).summary()).isEqualTo("1 error, 0 warnings");
    }

    @Test
    void engine_problems_keep_their_location() {
        assertThat(Diagnostic.of(new Problem("x.drl:4:18", "bad"), Severity.ERROR).format()).isEqualTo("x.drl:4:18: error: bad");
        assertThat(Diagnostic.of(new Problem("x.drl", "bad"), Severity.ERROR).format()).isEqualTo("x.drl:1:1: error: bad");
    }

    @Test
    void premises_compare_by_what_they_say_not_by_order_or_position() {
        Constraint x = new Constraint("x", Constraint.Operator.EQUALS, List.of(Term.literal("v w")), 2, 7);
        Constraint xElsewhere = new Constraint("x", Constraint.Operator.EQUALS, List.of(Term.literal("v w")), 12, 9);
        Claim a = claim("a", 1, List.of(needs("A", x), needs("B")));
        Claim b = claim("b", 9, List.of(needs("B"), needs("A", xElsewhere)));

        assertThat(a.premiseTexts()).isEqualTo(b.premiseTexts());
        assertThat(claim("c", 20, List.of(needs("A"))).premiseTexts()).isNotEqualTo(a.premiseTexts());
    }

    @Test
    void a_dense_network_reports_at_most_a_hundred_cycles_and_says_it_stopped() {
        List<String> types = List.of("A", "B", "C", "D", "E", "F", "G");
        List<Claim> claims = new ArrayList<>();
        int line = 1;
        for (String from : types) {
            for (String to : types) {
                if (!from.equals(to)) {
                    claims.add(claim(from + "-" + to, line += 10, List.of(needs(from)), to));
                }
            }
        }

        List<Diagnostic> found = CycleLint.check(claims);

        assertThat(found).filteredOn(d -> d.message().startsWith("cycle in the claim network: "))
                .hasSize(CycleLint.MAX_CYCLES);
        assertThat(found).filteredOn(d -> d.message().contains("the search stopped")).hasSize(1);
        assertThat(found).allSatisfy(d -> assertThat(d.isError()).isFalse());
    }
}
