package org.policyadvisor.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher that {@code mvn package} writes beside the jar ({@code src/main/launcher/policy-advisor}), run by bash
 * on a stand-in jar whose main prints the JVM options it got and its arguments: which options it adds, when, and
 * that it falls back to plain {@code java -jar} when the archive is missing or not whole.
 */
class LauncherTest {

    /** The stand-in jar's main: the JVM's input arguments, then "args:" and the program's arguments, one a line. */
    public static final class PrintArguments {
        public static void main(String[] args) {
            ManagementFactory.getRuntimeMXBean().getInputArguments().forEach(System.out::println);
            System.out.println("args:");
            for (String a : args) {
                System.out.println(a);
            }
        }
    }

    private static final int ARCHIVE_BYTES = 4096;

    @TempDir
    Path dir;
    private Path launcher;

    @BeforeEach
    void install() throws IOException {
        String template = Files.readString(Fixtures.repo().resolve("src/main/launcher/policy-advisor"));
        assertThat(template).contains("@ARCHIVE_BYTES@");
        launcher = dir.resolve("policy-advisor");
        Files.writeString(launcher, template.replace("@ARCHIVE_BYTES@", Integer.toString(ARCHIVE_BYTES)));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, PrintArguments.class.getName());
        String entry = PrintArguments.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(dir.resolve("policy-advisor.jar"));
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry(entry));
            try (var in = PrintArguments.class.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(jar);
            }
            jar.closeEntry();
        }
    }

    /** The archive's bytes are not checked by the launcher, only its length; the JVM refuses these and runs on. */
    private void archive(int bytes) throws IOException {
        Files.write(dir.resolve("policy-advisor.jsa"), new byte[bytes]);
    }

    private record Run(List<String> options, List<String> args) {
    }

    private Run run(Path script, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeAll(List.of("JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .toList();
        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        int split = lines.indexOf("args:");
        assertThat(split).as(String.join("\n", lines)).isNotNegative();
        return new Run(lines.subList(0, split), lines.subList(split + 1, lines.size()));
    }

    @Test
    void a_command_gets_the_first_jit_tier_and_the_whole_archive_with_its_checks() throws Exception {
        archive(ARCHIVE_BYTES);

        Run run = run(launcher, Map.of(), "what-if", "a scenario.json");

        assertThat(run.args()).containsExactly("what-if", "a scenario.json");
        assertThat(run.options()).containsExactly("-XX:TieredStopAtLevel=1",
                "-XX:SharedArchiveFile=" + dir.toRealPath().resolve("policy-advisor.jsa"), "-XX:+VerifySharedSpaces",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    @Test
    void serve_keeps_both_jit_tiers() throws Exception {
        archive(ARCHIVE_BYTES);

        Run run = run(launcher, Map.of(), "serve", "--port", "0");

        assertThat(run.args()).containsExactly("serve", "--port", "0");
        assertThat(run.options()).noneMatch(o -> o.startsWith("-XX:TieredStopAtLevel"))
                .anyMatch(o -> o.startsWith("-XX:SharedArchiveFile="));
    }

    @Test
    void without_the_archive_or_with_a_cut_one_it_runs_as_plain_java_jar() throws Exception {
        assertThat(run(launcher, Map.of(), "check").options()).containsExactly("-XX:TieredStopAtLevel=1");

        archive(ARCHIVE_BYTES - 1);
        assertThat(run(launcher, Map.of(), "check").options()).containsExactly("-XX:TieredStopAtLevel=1");
    }

    @Test
    void java_opts_come_last_and_a_link_to_the_launcher_finds_the_jar() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("bin"));
        Path link = Files.createSymbolicLink(elsewhere.resolve("advisor"), launcher);

        Run run = run(link, Map.of("JAVA_OPTS", "-Xmx64m -XX:TieredStopAtLevel=4"), "--help");

        assertThat(run.args()).containsExactly("--help");
        assertThat(run.options()).containsExactly("-XX:TieredStopAtLevel=1", "-Xmx64m", "-XX:TieredStopAtLevel=4");
    }
}
