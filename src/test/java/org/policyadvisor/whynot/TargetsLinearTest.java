package org.policyadvisor.whynot;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.policyadvisor.FactPattern;
import org.policyadvisor.Fixtures;
import org.policyadvisor.InvalidFactsException;
import org.policyadvisor.Vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The why-not consequence text is read in linear time and bounded in size")
class TargetsLinearTest {

    private final Vocabulary vocabulary = Fixtures.mini().vocabulary();

    @Test
    @DisplayName("100,000 spaces inside a field: refused at once for its length")
    void long_text_is_refused_at_once() {
        String text = "AidRestraintLifted(actor=x" + " ".repeat(100_000) + "y)";
        assertThatThrownBy(() -> Targets.parse("A(", vocabulary)).isInstanceOf(InvalidFactsException.class);
        long start = System.nanoTime();

        assertThatThrownBy(() -> Targets.parse(text, vocabulary)).isInstanceOf(InvalidFactsException.class)
                .hasMessageContaining("invalid");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(100);
    }

    @Test
    @DisplayName("the longest text accepted, of spaces, commas and parentheses, is read within milliseconds")
    void worst_cases_are_fast() {
        String[] worst = {
            "AidRestraintLifted(actor=x" + " ".repeat(Targets.MAX_LENGTH - 40) + "y)",
            "A(" + "a=1,".repeat((Targets.MAX_LENGTH - 10) / 4) + "b=2)",
            "A" + "(".repeat(Targets.MAX_LENGTH / 2) + ")".repeat(Targets.MAX_LENGTH / 2 - 10),
            "A(x=\"" + ",".repeat(Targets.MAX_LENGTH - 20) + "\")",
        };
        for (String text : worst) {
            long start = System.nanoTime();
            try {
                Targets.parse(text, vocabulary);
            } catch (InvalidFactsException expected) {
                // refused or read: either way quickly
            }
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as(text.substring(0, 20))
                    .isLessThan(200);
        }
    }

    @Test
    @DisplayName("the forms people type still read the same")
    void forms() {
        FactPattern p = Targets.parse("  AidRestraintLifted ( actor = KOR , recipient == \"U, K\" ) ", vocabulary);

        assertThat(p.type()).isEqualTo("AidRestraintLifted");
        assertThat(p.fields()).containsEntry("actor", "KOR").containsEntry("recipient", "U, K");
        assertThat(Targets.parse("AidRestraintLifted", vocabulary).fields()).isEmpty();
        assertThat(Targets.parse("AidRestraintLifted()", vocabulary).fields()).isEmpty();
        assertThatThrownBy(() -> Targets.parse("Aid Restraint", vocabulary)).isInstanceOf(InvalidFactsException.class);
        assertThatThrownBy(() -> Targets.parse("A(x)", vocabulary)).isInstanceOf(InvalidFactsException.class);
        assertThatThrownBy(() -> Targets.parse("A(x=1", vocabulary)).isInstanceOf(InvalidFactsException.class);
        assertThatThrownBy(() -> Targets.parse("A(x=1, x=2)", vocabulary)).isInstanceOf(InvalidFactsException.class);
    }
}
