package org.policyadvisor.check;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule's action must conclude with {@code insertLogical(...)}: a fact inserted with a plain {@code insert(...)}
 * stays when the premises that led to it are withdrawn, and is not shown as a consequence with its explanation.
 * An error at each plain {@code insert}.
 */
final class InsertLint {

    private InsertLint() {
    }

    static List<Diagnostic> check(List<Claim> claims) {
        List<Diagnostic> found = new ArrayList<>();
        for (Claim c : claims) {
            for (Claim.Tag insert : c.plainInserts()) {
                found.add(Diagnostic.error(c.file(), insert.line(), insert.col(), "rule '" + c.name()
                        + "' uses insert(...): use insertLogical(...), so that what it concludes is withdrawn with its"
                        + " premises and shown as a consequence", c.id()));
            }
        }
        return found;
    }
}
