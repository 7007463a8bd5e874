package org.policyadvisor.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("With --h2c, HTTP/2 without TLS: what-if, and a body over the limit answered 413, not reset")
class H2cTest extends HttpTestBase {

    @Override
    ServerConfig config() {
        return super.config().withH2c(true).withBodyLimit(64 * 1024);
    }

    @Test
    void http2_prior_knowledge() {
        WebClient h2 = WebClient.create(vertx, new WebClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false).setDefaultHost("127.0.0.1").setDefaultPort(verticle.actualPort()),
                new PoolOptions());
        HttpResponse<Buffer> ok = await(h2.post("/v1/what-if").putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{\"facts\": [" + FACT_PRECISION + "]}")));
        assertThat(ok.version()).isEqualTo(HttpVersion.HTTP_2);
        assertThat(ok.statusCode()).isEqualTo(200);

        HttpResponse<Buffer> large = await(h2.post("/v1/what-if").putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{\"description\": \"" + "x".repeat(100_000) + "\"}")));
        assertError(large, 413, "body_too_large");
        assertThat(large.getHeader("Connection")).isNull();
        assertThat(await(h2.get("/health").send()).statusCode()).isEqualTo(200);
    }
}
