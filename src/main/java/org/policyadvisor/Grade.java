package org.policyadvisor;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a source is trusted, on the Admiralty scale: the reliability of the source (A completely reliable, B
 * usually reliable, C fairly reliable, D not usually reliable, E unreliable, F cannot be judged) and the credibility
 * of its information (1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged),
 * written as in {@code B2}.
 *
 * <p>The grade scales the weight of every claim of the source by {@link #factor()}: the reliability's factor times
 * the credibility's. A and B, 1 and 2 count fully (1.0); C and 3 count 0.9; D and 4 count 0.75; E and 5 count 0.5;
 * F and 6, which cannot be judged, count 0.9. A source graded B2 or better leaves the hedges as they are.
 */
public record Grade(char reliability, int credibility) {

    private static final Pattern FORM = Pattern.compile("([A-F])([1-6])");
    private static final double[] FACTORS = {1.0, 1.0, 0.9, 0.75, 0.5, 0.9};

    public Grade {
        if (reliability < 'A' || reliability > 'F' || credibility < 1 || credibility > 6) {
            throw new IllegalArgumentException("a grade is a letter A-F and a digit 1-6, was " + reliability
                    + credibility);
        }
    }

    /** The grade written as {@code B2}, or empty when the text is not one. */
    public static Optional<Grade> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        return m.matches() ? Optional.of(new Grade(m.group(1).charAt(0), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    public double factor() {
        return FACTORS[reliability - 'A'] * FACTORS[credibility - 1];
    }

    @Override
    public String toString() {
        return "" + reliability + credibility;
    }
}
