package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example compiles and prints what the README says it prints. */
class ReadmeExampleTest {

    private static final java.util.regex.Pattern BLOCK = java.util.regex.Pattern.compile(
            "<!-- example: embed -->\\s*```java\\n(.*?)```\\s*Prints:\\s*```\\n(.*?)```", java.util.regex.Pattern.DOTALL);

    @Test
    void the_embedding_example_compiles_runs_and_prints_what_the_readme_shows(@TempDir Path dir) throws Exception {
        Matcher m = BLOCK.matcher(Files.readString(Fixtures.repo().resolve("README.md")));
        assertThat(m.find()).as("README has the embedding example and its output").isTrue();
        String code = m.group(1);
        List<String> expected = m.group(2).lines().toList();
        assertThat(code.lines().count()).isLessThanOrEqualTo(25);

        Path source = dir.resolve("WhatIfExample.java");
        Files.writeString(source, code);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", dir.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertThat(status).as("javac exit status").isZero();

        String printed = run(dir);

        assertThat(printed.lines().toList()).containsAll(expected);
    }

    @Test
    void the_readme_and_benchmarks_stay_short_and_the_readme_links_the_details() throws IOException {
        String readme = Files.readString(Fixtures.repo().resolve("README.md"));

        assertThat(readme.getBytes(StandardCharsets.UTF_8).length).as("README.md bytes").isLessThanOrEqualTo(10_000);
        assertThat(Files.size(Fixtures.repo().resolve("BENCHMARKS.md"))).as("BENCHMARKS.md bytes")
                .isLessThanOrEqualTo(8_000);
        assertThat(readme).contains("## Running in production", "docs/http.md", "docs/usage.md", "rules/README.md");
        for (String doc : List.of("docs/http.md", "docs/usage.md", "rules/README.md")) {
            assertThat(Fixtures.repo().resolve(doc)).exists();
        }
    }

    @Test
    void the_readme_commands_are_the_ones_ci_runs() throws IOException {
        String readme = Files.readString(Fixtures.repo().resolve("README.md"));
        String ci = Files.readString(Fixtures.repo().resolve(".ci/run"));

        assertThat(readme).contains("```\nmvn test\n```");
        assertThat(ci.lines()).contains("mvn test");
        assertThat(readme).contains("mvn -q package -DskipTests && target/policy-advisor what-if facts/june-2024-summit.json");
        assertThat(ci).contains("target/policy-advisor what-if facts/june-2024-summit.json");
    }

    private static String run(Path classes) throws IOException, ReflectiveOperationException {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeExampleTest.class.getClassLoader())) {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            loader.loadClass("WhatIfExample").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
