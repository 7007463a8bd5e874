package org.policyadvisor.whynot;

import java.util.List;
import java.util.Objects;

import org.policyadvisor.FactPattern;
import org.policyadvisor.Given;
import org.policyadvisor.Node;

/**
 * One way to make the consequence follow: facts to assert and, when a rule needs an absence, facts to withdraw.
 *
 * @param facts    the facts to assert, as patterns (a type and the field values the rules fix)
 * @param withdraw the present facts that block an absence the chain relies on; a derived one can only be
 *                 withdrawn by withdrawing what it rests on
 * @param check    whether the consequence was seen to follow once this option was applied
 */
public record Option(List<FactPattern> facts, List<Node> withdraw, Check check) {

    /** The result of applying an option to the scenario and assessing it again. */
    public enum Check {
        /** With the option applied, the consequence follows. */
        FOLLOWS("follows"),
        /** With the option applied, the consequence still does not follow (a constraint not shown by field values). */
        DOES_NOT_FOLLOW("does-not-follow"),
        /** Not checked: a pattern leaves fields open, or a fact to withdraw is derived. */
        UNCHECKED("unchecked");

        private final String word;

        Check(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public Option {
        Objects.requireNonNull(check, "check must not be null");
        facts = List.copyOf(facts);
        withdraw = List.copyOf(withdraw);
    }

    /** The number of facts to assert and to withdraw. */
    public int size() {
        return facts.size() + withdraw.size();
    }

    /** True when every fact to withdraw was given (none is derived). */
    public boolean withdrawsOnlyGiven() {
        return withdraw.stream().allMatch(n -> n instanceof Given);
    }
}
