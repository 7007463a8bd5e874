package org.policyadvisor;

/**
 * A node of an explanation: either a fact the user asserted ({@link Given}) or a consequence the
 * rules derived ({@link Consequence}). Ids are unique within one assessment.
 */
public sealed interface Node permits Given, Consequence {

    String id();

    Fact fact();

    double likelihood();
}
