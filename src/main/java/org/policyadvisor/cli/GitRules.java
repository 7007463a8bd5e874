package org.policyadvisor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.policyadvisor.NotFoundException;

/** The rules directory as a git revision has it, copied into a temporary directory with {@code git show}. */
final class GitRules {

    private GitRules() {
    }

    /**
     * Writes every file under {@code rulesDir} at revision {@code rev} into a new temporary directory.
     *
     * @throws NotFoundException when git fails, or the revision has no files there
     */
    static Path export(String rev, Path rulesDir) {
        Path dir = rulesDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new NotFoundException("no rules directory " + rulesDir + " to find in revision " + rev);
        }
        Path top;
        try {
            dir = dir.toRealPath();
            top = Path.of(text(git(dir, "rev-parse", "--show-toplevel")).strip()).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String prefix = top.relativize(dir).toString().replace('\\', '/');
        String under = prefix.isEmpty() ? "" : prefix + "/";
        List<String> files = new ArrayList<>();
        for (String name : text(git(top, "ls-tree", "-r", "-z", "--name-only", rev, "--", under.isEmpty() ? "."
                : under)).split("\0")) {
            if (!name.isEmpty()) {
                files.add(name);
            }
        }
        if (files.isEmpty()) {
            throw new NotFoundException("revision " + rev + " has no files under " + (under.isEmpty() ? "." : under));
        }
        try {
            Path out = Files.createTempDirectory("policy-advisor-rules-");
            for (String name : files) {
                Path target = out.resolve(name.substring(under.length())).normalize();
                if (!target.startsWith(out)) {
                    throw new NotFoundException("unexpected path in revision " + rev + ": " + name);
                }
                Files.createDirectories(target.getParent());
                Files.write(target, git(top, "show", rev + ":" + name));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a directory {@link #export} made. */
    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }

    private static byte[] git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[][] err = new byte[1][];
            Thread drain = new Thread(() -> err[0] = readAll(p.getErrorStream()));
            drain.start();
            byte[] out = readAll(p.getInputStream());
            int code = p.waitFor();
            drain.join();
            if (code != 0) {
                throw new NotFoundException("git " + String.join(" ", args) + " failed: "
                        + text(err[0]).strip().lines().findFirst().orElse("exit " + code));
            }
            return out;
        } catch (IOException e) {
            throw new NotFoundException("cannot run git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
