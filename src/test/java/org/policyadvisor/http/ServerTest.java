package org.policyadvisor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.policyadvisor.Advisor;

@DisplayName("Server: start and stop the service")
class ServerTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static ServerConfig config(int port) {
        return ServerConfig.defaults().withPort(port).withFactsDir(HttpTestBase.FACTS).withWorkers(1, 4);
    }

    private static HttpResponse<String> health(int port) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("answers on the port it picked until it is closed")
    void answers_until_closed() throws Exception {
        Advisor advisor = HttpTestBase.advisorOf(HttpTestBase.RULES);
        int port;
        try (Server server = Server.start(new AtomicReference<>(advisor), List::of, config(0), 2)) {
            port = server.port();

            HttpResponse<String> response = health(port);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"revision\":\"" + advisor.revision() + "\"");
        }
        assertThatThrownBy(() -> health(port)).isInstanceOf(ConnectException.class);
    }

    @Test
    @DisplayName("a port in use is an IllegalStateException that names the address")
    void a_port_in_use_is_named() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AtomicReference<Advisor> advisor = new AtomicReference<>(HttpTestBase.advisorOf(HttpTestBase.RULES));

            assertThatThrownBy(() -> Server.start(advisor, List::of, config(taken.getLocalPort()), 1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ");
        }
    }
}
