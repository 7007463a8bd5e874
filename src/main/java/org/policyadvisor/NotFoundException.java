package org.policyadvisor;

/** A named thing (scenario, rule) does not exist. */
public final class NotFoundException extends AdvisorException {

    public static final String CODE = "not_found";

    public NotFoundException(String message) {
        super(CODE, message);
    }
}
