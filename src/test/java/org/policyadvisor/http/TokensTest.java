package org.policyadvisor.http;

import java.util.List;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.policyadvisor.decisions.DecisionRing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Bearer tokens: every route but the probes needs a known one")
class TokensTest extends HttpTestBase {

    private static final String TOKEN = "s3cret-token-0123456789";

    @Override
    Shared shared(ServerConfig config) {
        Metrics metrics = new Metrics();
        return Shared.of(config, metrics, new Decisions(new DecisionRing(), null, metrics),
                new Exposure(null, null, Tokens.of(List.of(TOKEN, "another-token-abcdefgh"))));
    }

    @Test
    @DisplayName("no token, a wrong one or another scheme: 401 unauthorized with WWW-Authenticate")
    void refused_without_a_known_token() {
        for (String authorization : new String[] {null, "Bearer wrong-token-0123456789", "Basic " + TOKEN, "Bearer ",
                "Bearer " + TOKEN + "x"}) {
            var request = client.get("/v1/rules");
            if (authorization != null) {
                request.putHeader("Authorization", authorization);
            }
            HttpResponse<Buffer> response = await(request.send());

            assertError(response, 401, "unauthorized");
            assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }

    @Test
    @DisplayName("a known token is let through, on what-if too")
    void known_token() {
        assertThat(await(client.get("/v1/rules").putHeader("Authorization", "Bearer " + TOKEN).send()).statusCode())
                .isEqualTo(200);
        assertThat(await(client.post("/v1/what-if").putHeader("Authorization", "bearer another-token-abcdefgh")
                .putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{\"facts\": [" + FACT_PRECISION + "]}"))).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("/health and /ready need no token; /metrics does")
    void probes_are_open() {
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(get("/ready").statusCode()).isEqualTo(200);
        assertError(get("/metrics"), 401, "unauthorized");
    }

    @Test
    @DisplayName("tokens shorter than 16 characters are refused")
    void short_tokens() {
        assertThatThrownBy(() -> Tokens.of(List.of("short"))).hasMessageContaining("16");
    }
}
