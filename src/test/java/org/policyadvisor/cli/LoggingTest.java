package org.policyadvisor.cli;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The command line's logging")
class LoggingTest {

    @Test
    @DisplayName("access lines go to stderr through a queue that keeps every line; the rest to stderr directly")
    void access_lines_are_queued_and_kept() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LoggingTest.class.getResource("logback-cli.xml"));

        Logger access = context.getLogger("org.policyadvisor.http.access");
        assertThat(access.isAdditive()).isFalse();
        assertThat(access.getAppender("ACCESS")).isInstanceOfSatisfying(AsyncAppender.class, async -> {
            assertThat(async.getDiscardingThreshold()).isZero();
            assertThat(async.isNeverBlock()).isFalse();
            assertThat(async.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class,
                    console -> assertThat(console.getTarget()).isEqualTo("System.err"));
        });
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("ACCESS")).isNull();
        assertThat(root.getAppender("STDERR")).isInstanceOf(ConsoleAppender.class);
        context.stop();
    }
}
