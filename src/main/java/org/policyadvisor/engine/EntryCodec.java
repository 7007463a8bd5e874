package org.policyadvisor.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.policyadvisor.check.Claim;
import org.policyadvisor.check.Constraint;
import org.policyadvisor.check.DeclaredField;
import org.policyadvisor.check.DeclaredType;
import org.policyadvisor.check.Diagnostic;
import org.policyadvisor.check.Insert;
import org.policyadvisor.check.Premise;
import org.policyadvisor.check.Severity;
import org.policyadvisor.check.Term;

/**
 * A parse cache entry as plain data: every record written component by component, and read back through its
 * constructor, which checks it. Java serialization of the same records was the largest part of a CLI what-if's
 * start: each record class it reads has the JVM build method handles for its constructor. Nothing but these
 * records, lists of them, strings and numbers can come out of an entry; counts and lengths are bounded, and anything
 * malformed is an {@link IOException} or a {@link RuntimeException}, after which the entry is ignored.
 */
final class EntryCodec {

    private static final int MAX_COUNT = 100_000;
    private static final int MAX_STRING_BYTES = 1 << 20;

    private EntryCodec() {
    }

    static void write(DataOutputStream out, ParseCache.Entry entry) throws IOException {
        out.writeUTF(ParseCache.FORMAT);
        string(out, entry.key());
        list(out, entry.claims(), EntryCodec::claim);
        list(out, entry.types(), EntryCodec::type);
        list(out, entry.problems(), EntryCodec::diagnostic);
    }

    static ParseCache.Entry read(DataInputStream in) throws IOException {
        if (!ParseCache.FORMAT.equals(in.readUTF())) {
            throw new IOException("an entry of another format");
        }
        ParseCache.Entry entry = new ParseCache.Entry(string(in), list(in, EntryCodec::claim),
                list(in, EntryCodec::type), list(in, EntryCodec::diagnostic));
        if (in.read() != -1) {
            throw new IOException("more after the entry");
        }
        return entry;
    }

    private interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static void claim(DataOutputStream out, Claim claim) throws IOException {
        string(out, claim.name());
        out.writeInt(claim.tags().size());
        for (Map.Entry<String, Claim.Tag> tag : claim.tags().entrySet()) {
            string(out, tag.getKey());
            string(out, tag.getValue().value());
            out.writeInt(tag.getValue().line());
            out.writeInt(tag.getValue().col());
        }
        list(out, claim.premises(), EntryCodec::premise);
        list(out, claim.inserts(), EntryCodec::insert);
        string(out, claim.file());
        out.writeInt(claim.line());
        out.writeInt(claim.endLine());
    }

    private static Claim claim(DataInputStream in) throws IOException {
        String name = string(in);
        int tagCount = count(in);
        Map<String, Claim.Tag> tags = new LinkedHashMap<>();
        for (int i = 0; i < tagCount; i++) {
            tags.put(string(in), new Claim.Tag(string(in), in.readInt(), in.readInt()));
        }
        return new Claim(name, tags, list(in, EntryCodec::premise), list(in, EntryCodec::insert), string(in),
                in.readInt(), in.readInt());
    }

    private static void premise(DataOutputStream out, Premise premise) throws IOException {
        string(out, premise.type());
        out.writeBoolean(premise.absent());
        list(out, premise.constraints(), EntryCodec::constraint);
        string(out, premise.text());
        out.writeInt(premise.line());
        out.writeInt(premise.col());
    }

    private static Premise premise(DataInputStream in) throws IOException {
        return new Premise(string(in), in.readBoolean(), list(in, EntryCodec::constraint), string(in), in.readInt(),
                in.readInt());
    }

    private static void constraint(DataOutputStream out, Constraint constraint) throws IOException {
        string(out, constraint.field());
        out.writeByte(constraint.operator().ordinal());
        list(out, constraint.terms(), EntryCodec::term);
        out.writeInt(constraint.line());
        out.writeInt(constraint.col());
    }

    private static Constraint constraint(DataInputStream in) throws IOException {
        return new Constraint(string(in), Constraint.Operator.values()[in.readUnsignedByte()],
                list(in, EntryCodec::term), in.readInt(), in.readInt());
    }

    private static void insert(DataOutputStream out, Insert insert) throws IOException {
        string(out, insert.type());
        list(out, insert.args(), EntryCodec::term);
        out.writeInt(insert.line());
        out.writeInt(insert.col());
    }

    private static Insert insert(DataInputStream in) throws IOException {
        return new Insert(string(in), list(in, EntryCodec::term), in.readInt(), in.readInt());
    }

    /** A term: 0 and a variable's name, or 1, 2, 3 and a literal text, boolean or integer. */
    private static void term(DataOutputStream out, Term term) throws IOException {
        Object literal = term.literal();
        if (literal == null) {
            out.writeByte(0);
            string(out, term.variable());
        } else if (literal instanceof String s) {
            out.writeByte(1);
            string(out, s);
        } else if (literal instanceof Boolean b) {
            out.writeByte(2);
            out.writeBoolean(b);
        } else if (literal instanceof Integer n) {
            out.writeByte(3);
            out.writeInt(n);
        } else {
            throw new IOException("a literal of type " + literal.getClass().getSimpleName());
        }
    }

    private static Term term(DataInputStream in) throws IOException {
        return switch (in.readUnsignedByte()) {
            case 0 -> Term.variable(string(in));
            case 1 -> Term.literal(string(in));
            case 2 -> Term.literal(in.readBoolean());
            case 3 -> Term.literal(in.readInt());
            default -> throw new IOException("unknown term");
        };
    }

    private static void type(DataOutputStream out, DeclaredType type) throws IOException {
        string(out, type.name());
        string(out, type.doc());
        list(out, type.fields(), EntryCodec::field);
        list(out, type.symmetric(), EntryCodec::string);
        string(out, type.opposite());
        string(out, type.file());
        out.writeInt(type.line());
    }

    private static DeclaredType type(DataInputStream in) throws IOException {
        return new DeclaredType(string(in), string(in), list(in, EntryCodec::field), list(in, EntryCodec::string),
                string(in), string(in), in.readInt());
    }

    private static void field(DataOutputStream out, DeclaredField field) throws IOException {
        string(out, field.name());
        string(out, field.javaType());
        list(out, field.annotations(), EntryCodec::string);
        list(out, field.values(), EntryCodec::string);
        string(out, field.doc());
        out.writeInt(field.line());
        out.writeInt(field.col());
    }

    private static DeclaredField field(DataInputStream in) throws IOException {
        return new DeclaredField(string(in), string(in), list(in, EntryCodec::string), list(in, EntryCodec::string),
                string(in), in.readInt(), in.readInt());
    }

    private static void diagnostic(DataOutputStream out, Diagnostic d) throws IOException {
        string(out, d.file());
        out.writeInt(d.line());
        out.writeInt(d.col());
        out.writeByte(d.severity().ordinal());
        string(out, d.message());
        string(out, d.ruleId());
    }

    private static Diagnostic diagnostic(DataInputStream in) throws IOException {
        return new Diagnostic(string(in), in.readInt(), in.readInt(), Severity.values()[in.readUnsignedByte()],
                string(in), string(in));
    }

    private static <T> void list(DataOutputStream out, List<T> values, Writer<T> writer) throws IOException {
        out.writeInt(values.size());
        for (T value : values) {
            writer.write(out, value);
        }
    }

    private static <T> List<T> list(DataInputStream in, Reader<T> reader) throws IOException {
        int n = count(in);
        List<T> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(reader.read(in));
        }
        return values;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_COUNT) {
            throw new IOException("a count of " + n);
        }
        return n;
    }

    /** A string as its UTF-8 bytes after their number; null is written as -1. */
    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > MAX_STRING_BYTES) {
            throw new IOException("a string of " + n + " bytes");
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
