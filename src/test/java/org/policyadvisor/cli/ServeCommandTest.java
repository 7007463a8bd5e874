package org.policyadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    @Test
    void help_lists_the_listening_options_and_every_limit() {
        CliRun run = CliRun.of("serve", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--host", "--port", "--rules", "--facts", "--body-limit", "--max-facts",
                "--workers", "--idle-timeout-s", "--max-firings", "--timeout-ms", "--queue", "--event-loops",
                "--body-budget", "--receive-timeout-s", "--h2c", "--drain-s", "--tls-cert", "--tls-key", "--tokens",
                "--insecure", "--decision-log", "--decision-log-inputs", "--decision-log-max-bytes",
                "--decision-log-keep");
    }

    @Test
    void a_host_beyond_loopback_without_tokens_is_refused_with_the_reason() {
        CliRun run = CliRun.of("serve", "--rules", "src/test/resources/http/rules", "--host", "0.0.0.0", "--port", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("refusing to listen on 0.0.0.0 without --tokens",
                "every client that can reach this address could use the service", "--insecure");
    }

    @Test
    void unreadable_or_short_tokens_and_half_of_tls_are_refused(@TempDir Path dir) throws IOException {
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "# comment\nshort\n");

        assertThat(CliRun.of("serve", "--host", "0.0.0.0", "--tokens", tokens.toString()).err())
                .contains("at least 16 characters");
        assertThat(CliRun.of("serve", "--tokens", dir.resolve("missing").toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("serve", "--tls-cert", tokens.toString()).err()).contains("--tls-cert and --tls-key");
    }

    @Test
    void loopback_is_loopback() {
        assertThat(ExposureOptions.loopback("127.0.0.1")).isTrue();
        assertThat(ExposureOptions.loopback("localhost")).isTrue();
        assertThat(ExposureOptions.loopback("::1")).isTrue();
        assertThat(ExposureOptions.loopback("0.0.0.0")).isFalse();
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
