package org.policyadvisor.decisions;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends one JSON line per decision to a file, from a thread of its own: a request only hands its line over and
 * never waits for the disk. The file rotates when the next line would take it past {@code maxBytes}:
 * {@code FILE} becomes {@code FILE.1}, {@code FILE.1} becomes {@code FILE.2}, and so on up to {@code FILE.keep};
 * the oldest is deleted. A line that cannot be written (full disk, write error, a full hand-over queue) is lost and
 * counted, never an error of the request.
 */
public final class DecisionLog implements AutoCloseable {

    /** Rotate at 64 MiB by default. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    /** Keep 5 rotated files by default. */
    public static final int DEFAULT_KEEP = 5;
    private static final int QUEUE = 10_000;
    private static final String STOP = "";
    private static final Logger LOG = LoggerFactory.getLogger(DecisionLog.class);

    /** Told of each line written and each line lost. */
    public interface Listener {
        void written();

        void lost();
    }

    private final Path file;
    private final long maxBytes;
    private final int keep;
    private final boolean hashInputs;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;
    private volatile Listener listener = new Listener() {
        @Override
        public void written() {
        }

        @Override
        public void lost() {
        }
    };
    private OutputStream out;
    private long size;
    private long lastWarning;

    /**
     * @param file       the file to append to; its folder is created if missing
     * @param maxBytes   the size at which it rotates
     * @param keep       how many rotated files are kept
     * @param hashInputs whether the input facts are logged as their SHA-256 only
     */
    public DecisionLog(Path file, long maxBytes, int keep, boolean hashInputs) {
        this.file = Objects.requireNonNull(file, "file must not be null");
        if (maxBytes < 256 || keep < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 256 and keep positive, were "
                    + maxBytes + " and " + keep);
        }
        this.maxBytes = maxBytes;
        this.keep = keep;
        this.hashInputs = hashInputs;
        this.writer = new Thread(this::drain, "decision-log");
        writer.setDaemon(true);
        writer.start();
    }

    public void listener(Listener l) {
        this.listener = Objects.requireNonNull(l, "listener must not be null");
    }

    public boolean hashInputs() {
        return hashInputs;
    }

    public Path file() {
        return file;
    }

    /** Hands a decision's line over to the writer; returns at once. */
    public void append(String line) {
        if (!queue.offer(line)) {
            listener.lost();
        }
    }

    /** Waits until every line handed over so far is written (or lost), at most {@code millis}. */
    public boolean flush(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!queue.isEmpty() || busy) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    private volatile boolean busy;

    private void drain() {
        try {
            while (true) {
                String line = queue.take();
                if (line == STOP) {
                    break;
                }
                busy = true;
                List<String> lines = new ArrayList<>();
                lines.add(line);
                queue.drainTo(lines, 255);
                boolean stop = lines.remove(STOP);
                lines.forEach(this::write);
                flushQuietly();
                busy = false;
                if (stop) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            busy = false;
            closeQuietly();
        }
    }

    private void write(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (out == null) {
                open();
            }
            if (size > 0 && size + bytes.length > maxBytes) {
                rotate();
            }
            out.write(bytes);
            size += bytes.length;
            listener.written();
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            listener.lost();
            warn(e);
        }
    }

    private void open() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                64 * 1024);
        size = Files.size(file);
    }

    private void rotate() throws IOException {
        closeQuietly();
        Files.deleteIfExists(rotated(keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(rotated(i))) {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    /** The rotated file {@code FILE.n}. */
    public Path rotated(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    /** The log's files, newest first: the file, then its rotated files. */
    public static List<Path> files(Path file) {
        List<Path> files = new ArrayList<>();
        files.add(file);
        for (int i = 1; Files.exists(file.resolveSibling(file.getFileName() + "." + i)); i++) {
            files.add(file.resolveSibling(file.getFileName() + "." + i));
        }
        return files;
    }

    private void flushQuietly() {
        try {
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            closeQuietly();
            warn(e);
        }
    }

    private void closeQuietly() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            LOG.debug("closing the decision log", e);
        }
        out = null;
    }

    /** At most one warning a minute: a full disk must not flood the log as well. */
    private void warn(Exception e) {
        long now = System.nanoTime();
        if (lastWarning == 0 || now - lastWarning > TimeUnit.MINUTES.toNanos(1)) {
            lastWarning = now;
            LOG.warn("decision log {}: a line was lost: {}", file.getFileName(), e.getMessage());
        }
    }

    /** Writes what was handed over, then stops the writer. */
    @Override
    public void close() {
        try {
            queue.put(STOP);
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
