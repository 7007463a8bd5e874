package org.policyadvisor.http;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Access log lines")
class AccessLogTest {

    @Test
    @DisplayName("method, path, status, milliseconds to a tenth, and the decision id of an evaluation")
    void line() {
        assertThat(AccessLog.line("POST", "/v1/what-if", 200, 4_567_890, "d-1"))
                .isEqualTo("POST /v1/what-if 200 4.5 ms decision=d-1");
        assertThat(AccessLog.line("GET", "/health", 200, 45_000, null)).isEqualTo("GET /health 200 0.0 ms");
        assertThat(AccessLog.line("GET", "/v1/rules", 404, 12_345_678_901L, null))
                .isEqualTo("GET /v1/rules 404 12345.6 ms");
    }

    @Test
    @DisplayName("a client that left before its answer is marked so")
    void closed_by_client() {
        assertThat(AccessLog.line("POST", "/v1/what-if", -1, 1_000_000, "d-2"))
                .isEqualTo("POST /v1/what-if closed-by-client 1.0 ms decision=d-2");
    }
}
