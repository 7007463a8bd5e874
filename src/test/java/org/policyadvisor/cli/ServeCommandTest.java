package org.policyadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class ServeCommandTest {

    @Test
    void help_lists_the_listening_options_and_every_limit() {
        CliRun run = CliRun.of("serve", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--host", "--port", "--rules", "--facts", "--body-limit", "--max-facts",
                "--workers", "--idle-timeout-s", "--max-firings", "--timeout-ms", "--queue", "--event-loops");
    }

    @Test
    void a_negative_queue_is_one_error_line_and_exit_1() {
        CliRun run = CliRun.of("serve", "--queue", "-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().toList()).containsExactly("error: queue must not be negative, was -1");
    }

    @Test
    void negative_event_loops_are_one_error_line_and_exit_1() {
        CliRun run = CliRun.of("serve", "--event-loops", "-2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().toList()).containsExactly("error: eventLoops must be positive, was -2");
    }

    @Test
    void a_limit_out_of_range_is_one_error_line_and_exit_1() {
        CliRun run = CliRun.of("serve", "--body-limit", "0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().toList()).containsExactly("error: bodyLimit must be positive, was 0");
    }

    @Test
    void a_port_in_use_is_one_error_line_and_exit_1() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("serve", "--rules", "src/test/resources/http/rules", "--port",
                    String.valueOf(taken.getLocalPort()));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .doesNotContain("\tat ");
        }
    }
}
