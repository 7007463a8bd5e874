package org.policyadvisor.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The budget of body bytes in flight: 503 overloaded once spent, given back when requests end")
class BodyBudgetTest extends HttpTestBase {

    private static final int DECLARED = 400 * 1024;

    @Override
    ServerConfig config() {
        return super.config().withBodyLimit(512 * 1024).withBodyBudget(1024 * 1024);
    }

    @Test
    @DisplayName("two unfinished 400 KB bodies hold 800 KB of 1 MB: a third is refused at once, then served")
    void a_spent_budget_refuses_bodies_until_given_back() throws Exception {
        Socket first = unfinished();
        Socket second = unfinished();
        awaitTaken(2L * DECLARED);

        long start = System.nanoTime();
        RawHttp.Answer refused;
        try (Socket third = unfinished()) {
            refused = RawHttp.read(third.getInputStream());
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.header("Connection")).isEqualTo("close");
        assertThat(refused.body()).contains("\"code\":\"overloaded\"");
        assertThat(millis).as("refused before its body arrives").isLessThan(2000);
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(get("/metrics").bodyAsString()).contains("advisor_overloaded_total{reason=\"body_bytes\"} 1.0");

        first.close();
        second.close();
        awaitTaken(0);
        assertThat(post("/v1/what-if", "{\"facts\": [" + FACT_PRECISION + "]}").statusCode()).isEqualTo(200);
        awaitTaken(0);
    }

    @Test
    @DisplayName("a body in chunks takes the body limit's share while it is read, and gives it back")
    void chunked_bodies_take_the_limit() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(("POST /v1/what-if HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n").getBytes(StandardCharsets.US_ASCII));
            awaitTaken(512 * 1024);
        }
        awaitTaken(0);
    }

    private Socket unfinished() throws IOException {
        Socket socket = connect();
        socket.getOutputStream().write(("POST /v1/what-if HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + DECLARED + "\r\n\r\n{\"facts\": [").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", verticle.actualPort()));
        socket.setSoTimeout(10_000);
        return socket;
    }

    private void awaitTaken(long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (verticle.shared().budget().taken() != bytes) {
            assertThat(System.nanoTime()).as("body bytes taken: " + bytes + ", now "
                    + verticle.shared().budget().taken()).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
