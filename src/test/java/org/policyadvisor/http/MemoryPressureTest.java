package org.policyadvisor.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as a process at {@code -Xmx256m}: 300 connections each sending an unfinished body of about 1 MB at
 * once. The body budget refuses most of them at once, so memory stays bounded: afterwards {@code /health} answers
 * within a second, and SIGTERM still stops the process.
 */
@DisplayName("300 unfinished 1 MB bodies at -Xmx256m: no wedge, /health within a second, SIGTERM stops it")
class MemoryPressureTest {

    private static final int CONNECTIONS = 300;
    private static final int DECLARED = 1024 * 1024;
    private static final int SENT = 1_000_000;

    @Test
    void bounded_under_unfinished_bodies(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("serve.log");
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.policyadvisor.cli.Main", "serve",
                "--port", "0", "--rules", HttpTestBase.RULES.toString(), "--facts", HttpTestBase.FACTS.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int port = port(log, serve);
            assertThat(status(port, "/health")).as("the client warmed up").isEqualTo(200);
            burst(port);
            long start = System.nanoTime();
            int health = status(port, "/health");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(health).isEqualTo(200);
            // A second on a quiet machine (the figure); the bound here only proves there is no wedge, since a
            // shared CI machine can take longer to schedule the server.
            System.out.println("/health after the bodies closed: " + millis + " ms");
            assertThat(millis).as("/health after the bodies closed").isLessThan(5000);
            assertThat(status(port, "/ready")).isEqualTo(200);

            serve.destroy(); // SIGTERM
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("stopped by SIGTERM").isTrue();
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError").contains("stopped");
        } finally {
            serve.destroyForcibly();
        }
    }

    /** 300 connections at once, each sending an unfinished body of about 1 MB; then all closed. */
    private static void burst(int port) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(CONNECTIONS);
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        for (int i = 0; i < CONNECTIONS; i++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            sockets.add(socket);
            writers.submit(() -> unfinished(socket, chunk));
        }
        writers.shutdown();
        assertThat(writers.awaitTermination(90, TimeUnit.SECONDS)).as("every body sent or refused").isTrue();
        for (Socket s : sockets) {
            s.close();
        }
    }

    private static void unfinished(Socket socket, byte[] chunk) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/what-if HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + DECLARED + "\r\n\r\n{\"facts\": [], \"description\": \"").getBytes(StandardCharsets.US_ASCII));
            for (int sent = 0; sent < SENT; sent += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, SENT - sent));
            }
            out.flush();
        } catch (IOException e) {
            // refused (503) and closed by the server: expected for most of them
        }
    }

    private static int status(int port, String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                .openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(30_000);
        try {
            return c.getResponseCode();
        } finally {
            c.disconnect();
        }
    }

    private static int port(Path log, Process serve) throws Exception {
        Pattern serving = Pattern.compile("serving revision .* on http://127\\.0\\.0\\.1:(\\d+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher m = serving.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            assertThat(serve.isAlive()).as("serve is running: " + (Files.exists(log) ? Files.readString(log) : ""))
                    .isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not start: " + Files.readString(log));
    }
}
