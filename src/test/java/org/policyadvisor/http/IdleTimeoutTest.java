package org.policyadvisor.http;

import java.util.concurrent.TimeUnit;

import io.vertx.core.net.NetSocket;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Idle connections")
class IdleTimeoutTest extends HttpTestBase {

    @Override
    ServerConfig config() {
        ServerConfig c = super.config();
        return new ServerConfig(c.host(), c.port(), c.factsDir(), c.bodyLimit(), c.maxFacts(), c.workers(), 1,
                c.shutdownSeconds());
    }

    @Test
    @DisplayName("a connection that sends nothing is closed after the idle timeout")
    void idle_connection_is_closed() throws InterruptedException {
        VertxTestContext closed = new VertxTestContext();
        long start = System.nanoTime();
        NetSocket socket = await(vertx.createNetClient().connect(verticle.actualPort(), "127.0.0.1"));
        socket.closeHandler(v -> closed.completeNow());

        assertThat(closed.awaitCompletion(10, TimeUnit.SECONDS)).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(900);
    }
}
