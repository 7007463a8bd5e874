package org.policyadvisor;

/** A named thing (scenario, rule) does not exist. */
public final class NotFoundException extends AdvisorException {

    public NotFoundException(String message) {
        super(ErrorCode.NOT_FOUND, message);
    }
}
