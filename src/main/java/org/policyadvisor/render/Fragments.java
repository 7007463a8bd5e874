package org.policyadvisor.render;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Pieces of compact answer JSON that recur in every answer, encoded once: the opening of a node with its id, a
 * reference to a node, a likelihood and a depth with their field names. Node ids {@code g1}..{@code g255} and
 * {@code c1}..{@code c255} (those of all but the largest answers) are found from the id's number, without a lookup;
 * other ids and values are encoded when asked for.
 *
 * <p>Each piece is raw text for a place where a comma may be due: {@code first} says whether it opens its array or
 * object, and so comes without the comma.
 */
final class Fragments {

    private static final int KEPT = 256;
    private static final int LIKELIHOODS = 1001;
    private static final int DEPTHS = 64;

    /** {@code [kind][first ? 0 : 1][n]}: the opening {@code {"id":"gN"} of a node, kind 0 for g and 1 for c. */
    private static final SerializedString[][][] OPEN = new SerializedString[2][2][KEPT];
    /** {@code [kind][first ? 0 : 1][n]}: {@code "gN"} as a premise. */
    private static final SerializedString[][][] REFERENCE = new SerializedString[2][2][KEPT];
    /** Every likelihood from 0 to 1 at three decimals, as a double is written. */
    private static final SerializedString[] VALUE = new SerializedString[LIKELIHOODS];
    /** {@code ,"likelihood":0.123}: the same with its field name. */
    private static final SerializedString[] LIKELIHOOD = new SerializedString[LIKELIHOODS];
    /** {@code ,"depth":N}. */
    private static final SerializedString[] DEPTH = new SerializedString[DEPTHS];

    static {
        String[] kinds = {"g", "c"};
        for (int kind = 0; kind < 2; kind++) {
            for (int n = 1; n < KEPT; n++) {
                String quoted = "\"" + kinds[kind] + n + "\"";
                OPEN[kind][0][n] = new SerializedString("{\"id\":" + quoted);
                OPEN[kind][1][n] = new SerializedString(",{\"id\":" + quoted);
                REFERENCE[kind][0][n] = new SerializedString(quoted);
                REFERENCE[kind][1][n] = new SerializedString("," + quoted);
            }
        }
        for (int k = 0; k < LIKELIHOODS; k++) {
            VALUE[k] = new SerializedString(Double.toString(k / 1000.0));
            LIKELIHOOD[k] = new SerializedString(",\"likelihood\":" + VALUE[k].getValue());
        }
        for (int d = 0; d < DEPTHS; d++) {
            DEPTH[d] = new SerializedString(",\"depth\":" + d);
        }
    }

    private Fragments() {
    }

    /** {@code {"id":"<id>"}, after a comma unless {@code first}. */
    static SerializableString open(String id, boolean first) {
        int n = number(id);
        if (n > 0) {
            return OPEN[id.charAt(0) == 'g' ? 0 : 1][first ? 0 : 1][n];
        }
        return new SerializedString((first ? "{\"id\":" : ",{\"id\":") + quoted(id));
    }

    /** {@code "<id>"} as an element of an array, after a comma unless {@code first}. */
    static SerializableString reference(String id, boolean first) {
        int n = number(id);
        if (n > 0) {
            return REFERENCE[id.charAt(0) == 'g' ? 0 : 1][first ? 0 : 1][n];
        }
        return new SerializedString((first ? "" : ",") + quoted(id));
    }

    /** A likelihood rounded to three decimals, as a JSON number. */
    static SerializableString likelihoodValue(double value) {
        long thousandths = Math.round(value * 1000);
        if (thousandths >= 0 && thousandths < LIKELIHOODS) {
            return VALUE[(int) thousandths];
        }
        return new SerializedString(Double.toString(thousandths / 1000.0));
    }

    /** {@code ,"likelihood":<value>}, the value as {@link #likelihoodValue}. */
    static SerializableString likelihood(double value) {
        long thousandths = Math.round(value * 1000);
        if (thousandths >= 0 && thousandths < LIKELIHOODS) {
            return LIKELIHOOD[(int) thousandths];
        }
        return new SerializedString(",\"likelihood\":" + likelihoodValue(value).getValue());
    }

    /** {@code ,"depth":<depth>}. */
    static SerializableString depth(int depth) {
        return depth >= 0 && depth < DEPTHS ? DEPTH[depth] : new SerializedString(",\"depth\":" + depth);
    }

    /** The text as a JSON string, quotes included. */
    static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    /** N of an id {@code gN} or {@code cN} with 0 < N < 256 written without leading zeros; otherwise 0. */
    private static int number(String id) {
        int length = id.length();
        if (length < 2 || length > 4 || id.charAt(1) == '0' || (id.charAt(0) != 'g' && id.charAt(0) != 'c')) {
            return 0;
        }
        int n = 0;
        for (int i = 1; i < length; i++) {
            char digit = id.charAt(i);
            if (digit < '0' || digit > '9') {
                return 0;
            }
            n = n * 10 + (digit - '0');
        }
        return n < KEPT ? n : 0;
    }
}
