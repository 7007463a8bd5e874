package org.policyadvisor.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("BatchedStderrAppender: queued lines written in batches")
class BatchedStderrAppenderTest {

    /** Counts the writes it receives. */
    private static final class Sink extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            writes.incrementAndGet();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            writes.incrementAndGet();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("every line of four threads is written whole, in fewer writes than lines, by the time it stops")
    void every_line_whole() throws InterruptedException {
        Sink sink = new Sink();
        LoggerContext context = new LoggerContext();
        BatchedStderrAppender appender = appender(context, sink);
        Logger logger = context.getLogger("access");
        logger.addAppender(appender);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 5000; i++) {
                    logger.info("thread " + id + " line " + i);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        appender.stop();

        List<String> lines = sink.text().lines().toList();
        assertThat(lines).hasSize(20_000).allMatch(l -> l.matches("thread \\d line \\d+"));
        for (int t = 0; t < 4; t++) {
            int id = t;
            assertThat(lines.stream().filter(l -> l.startsWith("thread " + id + " "))
                    .map(l -> Integer.parseInt(l.substring(l.lastIndexOf(' ') + 1))).toList())
                    .as("thread %d in order", id).isSorted().hasSize(5000);
        }
        assertThat(sink.writes.get()).isLessThan(20_000);
    }

    @Test
    @DisplayName("a line logged on a quiet server is written at once, without waiting for others")
    void quiet_line_written_at_once() throws InterruptedException {
        Sink sink = new Sink();
        LoggerContext context = new LoggerContext();
        BatchedStderrAppender appender = appender(context, sink);
        Logger logger = context.getLogger("access");
        logger.addAppender(appender);

        logger.info("alone");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!sink.text().equals("alone\n") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        assertThat(sink.text()).isEqualTo("alone\n");
        appender.stop();
    }

    @Test
    @DisplayName("the command line's logging sends the access lines to it, and nothing else")
    void command_line_logging_uses_it_for_access_lines() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(BatchedStderrAppenderTest.class.getResource("logback-cli.xml"));

        Logger access = context.getLogger("org.policyadvisor.http.access");
        assertThat(access.getAppender("ACCESS")).isInstanceOf(BatchedStderrAppender.class);
        assertThat(access.isAdditive()).isFalse();
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ACCESS")).isNull();
        context.stop();
    }

    private static BatchedStderrAppender appender(LoggerContext context, OutputStream out) {
        context.setMDCAdapter(new LogbackMDCAdapter());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        BatchedStderrAppender appender = new BatchedStderrAppender(out);
        appender.setContext(context);
        appender.setName("test");
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
