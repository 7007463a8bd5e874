package org.policyadvisor.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bearer tokens a server accepts, kept as SHA-256 digests. A presented token is hashed and compared with
 * every known digest by {@link MessageDigest#isEqual} (constant time), without stopping at the first match, so
 * the time of an answer says nothing about how much of a token was right.
 */
public final class Tokens {

    /** The shortest token accepted in a tokens file. */
    public static final int MIN_LENGTH = 16;

    private final List<byte[]> digests;

    private Tokens(List<byte[]> digests) {
        this.digests = List.copyOf(digests);
    }

    /** No tokens: every request is let through. */
    public static Tokens none() {
        return new Tokens(List.of());
    }

    public static Tokens of(List<String> tokens) {
        List<byte[]> digests = new ArrayList<>();
        for (String token : tokens) {
            if (token.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("a token must have at least " + MIN_LENGTH + " characters");
            }
            digests.add(sha256(token));
        }
        return new Tokens(digests);
    }

    /**
     * Reads a tokens file: one token a line; blank lines and lines starting with {@code #} are skipped.
     *
     * @throws IllegalArgumentException when the file holds no token or a token is shorter than {@link #MIN_LENGTH}
     */
    public static Tokens read(Path file) throws IOException {
        List<String> tokens = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("no token in " + file);
        }
        return of(tokens);
    }

    public boolean required() {
        return !digests.isEmpty();
    }

    /** True when the value of an {@code Authorization} header carries a known bearer token. */
    boolean accepts(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = sha256(authorization.substring(7).strip());
        boolean known = false;
        for (byte[] digest : digests) {
            known |= MessageDigest.isEqual(digest, presented);
        }
        return known;
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
