package org.policyadvisor.cli;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The runnable application's logging, set up in code rather than from an XML file (starting logback from its XML
 * configuration took about half of {@code --help}'s CPU time, and a twentieth of a what-if's): everything to
 * stderr, so that stdout carries only answers; warnings and errors, and this application's own information. One
 * line per HTTP request goes through a queue and is written to stderr by logback's own thread; every line is kept
 * (none discarded when the queue fills; the request thread waits instead), and the service stops the logging last,
 * which writes what is queued.
 *
 * <p>Logback finds this class as a service, but it applies only in the application ({@link #forApplication()},
 * called by {@link Main}, or with {@code -Dpolicyadvisor.applicationLogging=true}, as the build sets it when it reads
 * the packaged rules) and when no {@code logback.configurationFile} is named: an embedder's own logging
 * configuration, and a file named on the command line, are left to logback as usual.
 */
public final class Logging extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";
    private static volatile boolean application;

    /** Makes the next logback start in this JVM use the application's logging. */
    public static void forApplication() {
        application = true;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        boolean wanted = application || Boolean.getBoolean("policyadvisor.applicationLogging");
        if (!wanted || System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configureApplication(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The application's appenders and levels, in the given context. */
    static void configureApplication(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        AsyncAppender access = new AsyncAppender();
        access.setContext(context);
        access.setName("ACCESS");
        access.setQueueSize(8192);
        access.setDiscardingThreshold(0);
        access.addAppender(stderr);
        access.start();

        level(context, "org.drools", Level.WARN);
        // Rule files need not sit in folders named after their package.
        level(context, "org.drools.compiler.kie.builder.impl.KieBuilderImpl", Level.ERROR);
        level(context, "org.drools.compiler.kie.builder.impl.KieProject", Level.OFF);
        level(context, "org.kie", Level.WARN);
        level(context, "io.netty", Level.WARN);
        level(context, "io.vertx", Level.WARN);
        // Each event loop's HTTP server registers the same Vert.x gauges; the registry keeps the first and says so once.
        level(context, "io.micrometer.core.instrument.MeterRegistry", Level.ERROR);
        level(context, "org.policyadvisor", Level.INFO);
        Logger accessLog = level(context, "org.policyadvisor.http.access", Level.INFO);
        accessLog.setAdditive(false);
        accessLog.addAppender(access);
        Logger root = level(context, Logger.ROOT_LOGGER_NAME, Level.WARN);
        root.addAppender(stderr);
    }

    private static Logger level(LoggerContext context, String name, Level level) {
        Logger logger = context.getLogger(name);
        logger.setLevel(level);
        return logger;
    }
}
