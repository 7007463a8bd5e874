package org.policyadvisor.cli;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The command line's logging")
class LoggingTest {

    @Test
    @DisplayName("access lines go to stderr through a queue that keeps every line; the rest to stderr directly")
    void access_lines_are_queued_and_kept() {
        LoggerContext context = new LoggerContext();
        Logging.configureApplication(context);

        Logger access = context.getLogger("org.policyadvisor.http.access");
        assertThat(access.isAdditive()).isFalse();
        assertThat(access.getAppender("ACCESS")).isInstanceOfSatisfying(AsyncAppender.class, async -> {
            assertThat(async.getDiscardingThreshold()).isZero();
            assertThat(async.isNeverBlock()).isFalse();
            assertThat(async.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class,
                    console -> assertThat(console.getTarget()).isEqualTo("System.err"));
        });
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(root.getAppender("ACCESS")).isNull();
        assertThat(root.getAppender("STDERR")).isInstanceOf(ConsoleAppender.class);
        assertThat(context.getLogger("org.policyadvisor").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.drools.anything").getEffectiveLevel()).isEqualTo(Level.WARN);
        context.stop();
    }

    @Test
    @DisplayName("an embedder's logging is left to logback: the configuration applies only in the application")
    void only_the_application_is_configured() {
        LoggerContext context = new LoggerContext();
        Logging logging = new Logging();
        logging.setContext(context);
        // This JVM's tests never call Logging.forApplication().
        assertThat(logging.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
        context.stop();
    }
}
