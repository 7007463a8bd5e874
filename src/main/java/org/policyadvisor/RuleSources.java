package org.policyadvisor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The text of a rules directory: rule files ({@code .drl}, {@code .dsl}, {@code .dslr}), the actor list
 * ({@code actors.csv}), the cited sources ({@code sources/*.txt}) and the documents {@code CLAIMS.md} and
 * {@code README.md}, each with its path relative to the directory, sorted by path.
 */
public record RuleSources(String origin, List<RuleSources.File> files) {

    /** Where the packaged rules live on the class path. */
    public static final String PACKAGED = "policy-advisor/rules";
    /**
     * The list of the packaged rules' files on the class path, one path a line, written when the jar is built:
     * reading the files it names is quicker than listing the jar's fifteen thousand entries at every start.
     */
    public static final String PACKAGED_INDEX = "policy-advisor/rules.index";

    public record File(String path, String text) {
        public File {
            Objects.requireNonNull(path, "path must not be null");
            Objects.requireNonNull(text, "text must not be null");
        }

        public boolean isRuleFile() {
            return path.endsWith(".drl") || path.endsWith(".dsl") || path.endsWith(".dslr");
        }
    }

    public RuleSources {
        Objects.requireNonNull(origin, "origin must not be null");
        files = files.stream().sorted(Comparator.comparing(File::path)).toList();
    }

    public static RuleSources fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidRulesException(List.of(new Problem(dir.toString(), "not a directory")));
        }
        return new RuleSources(dir.toString(), read(dir));
    }

    /** The rules packaged in the jar (or on the class path, when run from a build directory). */
    public static RuleSources packaged() {
        String index = resource(PACKAGED_INDEX).orElseThrow(() -> notFound(PACKAGED_INDEX, "no packaged rules"));
        List<File> files = new ArrayList<>();
        for (String path : index.lines().toList()) {
            String name = PACKAGED + "/" + path;
            files.add(new File(path, resource(name).orElseThrow(() -> notFound(name, "listed in " + PACKAGED_INDEX))));
        }
        return new RuleSources("classpath:" + PACKAGED, files);
    }

    /** A packaged resource that is missing, with why it was looked for ("no packaged rules: not on the class path"). */
    private static InvalidRulesException notFound(String name, String reason) {
        return new InvalidRulesException(List.of(new Problem(name, reason + ": not on the class path")));
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = RuleSources.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read packaged rules: " + name, e);
        }
    }

    private static List<File> read(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<File> files = new ArrayList<>();
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (wanted(rel)) {
                    files.add(new File(rel, Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules from " + dir, e);
        }
    }

    private static boolean wanted(String rel) {
        return rel.endsWith(".drl") || rel.endsWith(".dsl") || rel.endsWith(".dslr") || rel.equals("actors.csv")
                || (rel.startsWith("sources/") && rel.endsWith(".txt")) || isDocument(rel);
    }

    /** The documents kept with the rules ({@code CLAIMS.md}, {@code README.md}): checked, not part of the revision. */
    private static boolean isDocument(String rel) {
        return rel.equals("CLAIMS.md") || rel.equals("README.md");
    }

    public List<File> ruleFiles() {
        return files.stream().filter(File::isRuleFile).toList();
    }

    public Optional<File> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** A short content hash over every file, so that any change to the rules gives a new revision. */
    public String revision() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (File f : files) {
                if (isDocument(f.path())) {
                    continue;
                }
                sha.update(f.path().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.text().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
