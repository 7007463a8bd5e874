package org.policyadvisor.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.policyadvisor.RuleSources;
import org.policyadvisor.check.Claim;
import org.policyadvisor.check.DeclaredType;
import org.policyadvisor.check.Diagnostic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What reading one rule file gave (its claims, declared types and refusals), kept by the content hash of everything
 * the reading depends on, so that a rule file already read is not parsed again. Entries of the packaged rules are
 * made when the jar is built and found on the class path; others live under the user's cache directory
 * ({@code $XDG_CACHE_HOME/policy-advisor}, else {@code ~/.cache/policy-advisor}), which is safe to delete. An entry
 * that cannot be read back whole, or was made for other text, is ignored and made again: a cache is never trusted
 * over the file.
 *
 * <p>Entries are the records of a reading written as plain data ({@link EntryCodec}) and read back through their
 * constructors, which check them: no other class can come out of an entry. Faster to read at start-up than JSON
 * (Jackson) and than Java serialization of the same records.
 */
public final class ParseCache {

    /** Changes whenever the reader's output for the same text could change. */
    static final String FORMAT = "claims-2";
    static final String PACKAGED = "policy-advisor/parsed/";
    private static final Logger LOG = LoggerFactory.getLogger(ParseCache.class);

    /** What reading one file gave, with the key it was made for. */
    record Entry(String key, List<Claim> claims, List<DeclaredType> types, List<Diagnostic> problems) {
        Entry {
            claims = List.copyOf(claims);
            types = List.copyOf(types);
            problems = List.copyOf(problems);
        }
    }

    private final Path dir;
    /** Whether entries packaged with the jar are looked up first. */
    private final boolean packaged;

    private ParseCache(Path dir, boolean packaged) {
        this.dir = dir;
        this.packaged = packaged;
    }

    /**
     * The cache in the user's cache directory, or one that keeps nothing when there is no home to put it in. The
     * system property {@code policyadvisor.cache} names another directory, or {@code none} for no cache.
     */
    static ParseCache user() {
        String chosen = System.getProperty("policyadvisor.cache");
        if (chosen != null && !chosen.isBlank()) {
            return new ParseCache(chosen.equals("none") ? null : Path.of(chosen).resolve(FORMAT), true);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : home != null && !home.isBlank() ? Path.of(home, ".cache") : null;
        return new ParseCache(base == null ? null : base.resolve("policy-advisor").resolve(FORMAT), true);
    }

    /** The entries packaged with the jar only. */
    static ParseCache packagedOnly() {
        return new ParseCache(null, true);
    }

    /** A cache in the given directory only (for building the packaged entries, and for tests). */
    static ParseCache in(Path dir) {
        return new ParseCache(dir, false);
    }

    /** The key of a file: a hash of the format, its path and text, and the DSL text a DSLR file expands with. */
    static String key(RuleSources.File file, String dsl) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(FORMAT, file.path(), file.text(), file.path().endsWith(".dslr") ? dsl : "")) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The entry for the key: packaged with the jar, or kept in this cache; empty when there is none to trust. */
    Optional<Entry> get(String key) {
        try (InputStream in = packaged ? ParseCache.class.getClassLoader().getResourceAsStream(PACKAGED + key + ".entry")
                : null) {
            if (in != null) {
                return valid(read(in), key);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("packaged parse entry {} unreadable: {}", key, e.getMessage());
        }
        if (dir == null) {
            return Optional.empty();
        }
        Path file = dir.resolve(key + ".entry");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return valid(read(in), key);
        } catch (IOException | RuntimeException e) {
            LOG.debug("parse cache entry {} unreadable, reading the file again: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static Entry read(InputStream in) throws IOException {
        return EntryCodec.read(new DataInputStream(new BufferedInputStream(in)));
    }

    private static Optional<Entry> valid(Entry entry, String key) {
        return key.equals(entry.key()) ? Optional.of(entry) : Optional.empty();
    }

    /** Keeps the entry; a cache that cannot be written only costs the next run the parsing. */
    void put(Entry entry) {
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, entry.key(), ".tmp");
            try (OutputStream file = Files.newOutputStream(temp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file))) {
                EntryCodec.write(out, entry);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            try {
                Files.move(temp, dir.resolve(entry.key() + ".entry"), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, dir.resolve(entry.key() + ".entry"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot keep parse cache entry in {}: {}", dir, e.getMessage());
        }
    }

    /**
     * Reads every rule file of a directory and writes the entries into {@code OUT_DIR}, and the list of the
     * directory's files ({@link RuleSources#PACKAGED_INDEX}) into {@code INDEX}, both to be packaged in the jar:
     * {@code ParseCache RULES_DIR OUT_DIR INDEX}.
     */
    public static void main(String[] args) throws IOException {
        ParseCache cache = in(Path.of(args[1]));
        RuleSources sources = RuleSources.fromDirectory(Path.of(args[0]));
        RuleReader.read(sources, cache);
        StringBuilder index = new StringBuilder();
        sources.files().forEach(f -> index.append(f.path()).append('\n'));
        Path file = Path.of(args[2]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, index, StandardCharsets.UTF_8);
    }
}
