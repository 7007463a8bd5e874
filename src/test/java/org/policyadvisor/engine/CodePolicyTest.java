package org.policyadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policyadvisor.Advisor;
import org.policyadvisor.Fixtures;
import org.policyadvisor.InvalidRulesException;
import org.policyadvisor.Problem;
import org.policyadvisor.RuleSources;

class CodePolicyTest {

    private static List<Problem> check(String drl) {
        return CodePolicy.check(new RuleSources("test", List.of(new RuleSources.File("r.drl", drl))));
    }

    @Test
    void system_exit_in_an_action_is_refused_with_its_position() {
        List<Problem> problems = check("""
                package p;
                rule "Quit" @id("quit") @quote("q") @hedge("may")
                when
                then
                    System.exit(1);
                end
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("r.drl:5:5");
            assertThat(p.message()).startsWith("forbidden code 'System.exit' (process control)");
        });
    }

    @Test
    void reflection_threads_files_network_and_class_loading_are_refused() {
        List<Problem> problems = check("""
                package p;
                import java.io.File;
                function void f() { new Thread(() -> {}).start(); }
                rule "R" @id("r") @quote("q") @hedge("may")
                when then
                    Class.forName("x").getDeclaredMethods();
                    new java.net.Socket("h", 1);
                    Runtime.getRuntime();
                    Thread.currentThread().getContextClassLoader();
                end
                """);

        assertThat(problems).extracting(Problem::message).map(m -> m.replaceAll(".*\\((.*)\\).*", "$1"))
                .contains("file or network I/O", "threads", "reflection", "process control", "class loading");
        assertThat(problems).extracting(Problem::where).startsWith("r.drl:2:8");
    }

    @Test
    void words_inside_strings_and_comments_are_not_code() {
        List<Problem> problems = check("""
                package p;
                // a Thread of argument; System.exit is not called here
                rule "Runtime question" @id("r") @quote("a File of Socket threads") @hedge("may")
                when then
                    /* ProcessBuilder */ insertLogical(new X("Runtime"));
                end
                """);

        assertThat(problems).isEmpty();
    }

    @Test
    void an_apostrophe_in_a_dsl_sentence_does_not_hide_code() {
        List<Problem> problems = CodePolicy.check(new RuleSources("test", List.of(new RuleSources.File("x.dsl",
                "[then]Seoul's answer=System.exit(0);\n"))));

        assertThat(problems).singleElement().extracting(Problem::where).isEqualTo("x.dsl:1:22");
    }

    @Test
    void the_compiler_refuses_forbidden_code_before_compiling() {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class, () -> Advisor.builder()
                .rulesFrom(Fixtures.rulesDir(Map.of("r.drl", """
                        package p;
                        rule "Quit" @id("quit") @quote("q") @hedge("may")
                        when then System.exit(1);
                        end
                        """))).build());

        assertThat(e.problems()).singleElement().extracting(Problem::where).isEqualTo("r.drl:3:11");
    }
}
