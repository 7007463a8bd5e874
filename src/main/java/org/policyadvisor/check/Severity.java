package org.policyadvisor.check;

import java.util.Locale;

/** How bad a diagnostic is: an error fails {@code check}, a warning does not. */
public enum Severity {
    ERROR,
    WARNING;

    /** The word printed in a diagnostic line, e.g. {@code error}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
