package org.policyadvisor;

/** The JSON kind of a vocabulary field. */
public enum FieldKind {
    STRING("a string"),
    BOOLEAN("true or false"),
    INTEGER("an integer");

    private final String description;

    FieldKind(String description) {
        this.description = description;
    }

    /** What a value of this kind looks like, for error messages. */
    public String description() {
        return description;
    }

    public String jsonName() {
        return switch (this) {
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case INTEGER -> "integer";
        };
    }
}
