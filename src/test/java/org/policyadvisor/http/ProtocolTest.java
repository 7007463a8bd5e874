package org.policyadvisor.http;

import java.nio.charset.StandardCharsets;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("HTTP itself: HEAD /health, no cleartext HTTP/2 by default, quiet logs for broken bodies")
class ProtocolTest extends HttpTestBase {

    @Test
    @DisplayName("HEAD /health is 200 without a body")
    void head_health() {
        HttpResponse<Buffer> response = await(client.request(HttpMethod.HEAD, "/health").send());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isNull();
    }

    @Test
    @DisplayName("cleartext HTTP/2 is off by default: a prior-knowledge preface is not served, the connection closed")
    void no_h2c_by_default() throws Exception {
        assertThat(ServerConfig.defaults().h2c()).isFalse();
        assertThat(AdvisorVerticle.options(ServerConfig.defaults()).isHttp2ClearTextEnabled()).isFalse();
        assertThat(AdvisorVerticle.options(ServerConfig.defaults().withH2c(true)).isHttp2ClearTextEnabled()).isTrue();

        long start = System.nanoTime();
        RawHttp.Answer answer = RawHttp.send(verticle.actualPort(), "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");

        assertThat(answer.status()).isEqualTo(-1);
        assertThat(answer.body()).isEmpty();
        assertThat((System.nanoTime() - start) / 1_000_000).as("closed at once").isLessThan(3000);
    }

    @Test
    @DisplayName("a bad chunk size closes the connection and logs nothing at WARN or ERROR, no stack trace")
    void bad_chunk_size_is_not_an_error() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        root.addAppender(events);
        try {
            for (int i = 0; i < 5; i++) {
                RawHttp.send(verticle.actualPort(), ("POST /v1/what-if HTTP/1.1\r\nHost: x\r\nContent-Type: "
                        + "application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII), 5000);
            }
            assertThat(get("/health").statusCode()).isEqualTo(200);
        } finally {
            root.detachAppender(events);
        }
        List<ILoggingEvent> loud = events.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
        assertThat(loud).isEmpty();
    }
}
