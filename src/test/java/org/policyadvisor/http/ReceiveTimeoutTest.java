package org.policyadvisor.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The time to receive a request is limited: a client trickling bytes is dropped, not only a silent one")
class ReceiveTimeoutTest extends HttpTestBase {

    @Override
    ServerConfig config() {
        return super.config().withReceiveTimeoutSeconds(1).withIdleTimeoutSeconds(30);
    }

    @Test
    @DisplayName("a body sent a byte at a time is answered 408 request_timeout and closed after the receive timeout")
    void trickled_body_is_dropped() throws Exception {
        long start = System.nanoTime();
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/what-if HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100"
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread trickle = trickle(out, "{\"facts\": []".repeat(10));
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            trickle.interrupt();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.body()).contains("\"code\":\"request_timeout\"");
            assertThat(answer.header("Content-Type")).startsWith("application/json");
            assertThat(millis).as("dropped after the receive timeout of 1 s").isBetween(1000L, 5000L);
            assertThat(socket.getInputStream().read()).as("closed").isEqualTo(-1);
        }
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("headers sent a byte at a time: the connection is closed after the receive timeout")
    void trickled_headers_are_dropped() throws Exception {
        long start = System.nanoTime();
        try (Socket socket = connect()) {
            Thread trickle = trickle(socket.getOutputStream(), "GET /health HTTP/1.1\r\nX-Slow: " + "s".repeat(100));
            int read = readQuietly(socket);
            trickle.interrupt();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(read).as("closed without an answer").isEqualTo(-1);
            assertThat(millis).as("dropped after the receive timeout of 1 s").isBetween(1000L, 5000L);
        }
    }

    private static int readQuietly(Socket socket) {
        try {
            return socket.getInputStream().read();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Writes one byte every 100 ms, so the connection is never idle. */
    private static Thread trickle(OutputStream out, String text) {
        Thread t = new Thread(() -> {
            try {
                for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // closed by the server, or stopped
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", verticle.actualPort()));
        socket.setSoTimeout(10_000);
        return socket;
    }
}
