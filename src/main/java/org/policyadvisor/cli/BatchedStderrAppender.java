package org.policyadvisor.cli;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;

/**
 * Writes the lines of a busy logger (the HTTP access log) to stderr from a thread of its own. The logging thread
 * only queues the event; the writer takes whatever has queued up, formats it and writes it with one system call,
 * then waits {@code intervalMs} for more. Under load that is one write for many lines and no wake-up per line;
 * a line that comes when all is quiet wakes the writer and is written at once.
 *
 * <p>When {@code queueSize} lines wait, the logging thread waits too rather than drop a line. {@link #stop()}
 * writes what is queued before it returns; the service stops the logging context last, after its last request.
 */
public final class BatchedStderrAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private final OutputStream out;
    private final Queue<ILoggingEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    /** True while the writer waits for a line with nothing queued; the line that ends the wait wakes it. */
    private final AtomicBoolean idle = new AtomicBoolean();
    private Encoder<ILoggingEvent> encoder;
    private int queueSize = 8192;
    private long intervalMs = 2;
    private volatile Thread writer;
    private volatile boolean running;

    public BatchedStderrAppender() {
        this(new FileOutputStream(FileDescriptor.err));
    }

    /** Writes to {@code out} instead of stderr. */
    BatchedStderrAppender(OutputStream out) {
        this.out = out;
    }

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    /** The lines that may wait to be written (default 8192). */
    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    /** How long the writer waits for more lines after a write, in milliseconds (default 2). */
    public void setIntervalMs(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("no encoder for appender " + name);
            return;
        }
        if (queueSize < 1 || intervalMs < 0) {
            addError("queueSize must be positive and intervalMs not negative, were " + queueSize + " and " + intervalMs);
            return;
        }
        running = true;
        Thread thread = new Thread(this::drain, "log-writer-" + name);
        thread.setDaemon(true);
        writer = thread;
        thread.start();
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        while (queued.get() >= queueSize && running) {
            wake();
            LockSupport.parkNanos(100_000);
        }
        queue.add(event);
        queued.incrementAndGet();
        wake();
    }

    private void wake() {
        if (idle.get() && idle.compareAndSet(true, false)) {
            LockSupport.unpark(writer);
        }
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        running = false;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        while (running || !queue.isEmpty()) {
            int taken = 0;
            for (ILoggingEvent event = queue.poll(); event != null; event = queue.poll()) {
                bytes.writeBytes(encoder.encode(event));
                taken++;
            }
            if (taken > 0) {
                queued.addAndGet(-taken);
                write(bytes);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(intervalMs));
            } else {
                idle.set(true);
                if (queue.isEmpty() && running) {
                    LockSupport.park(this);
                }
                idle.set(false);
            }
        }
    }

    private void write(ByteArrayOutputStream bytes) {
        try {
            bytes.writeTo(out);
            out.flush();
        } catch (IOException e) {
            addError("cannot write to stderr", e);
        }
        bytes.reset();
    }
}
