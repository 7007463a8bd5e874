package org.policyadvisor.http;

import java.io.OutputStream;

import io.vertx.core.buffer.Buffer;

/** Appends what is written to a Vert.x buffer, so JSON goes straight into the response body. */
final class BufferOutput extends OutputStream {

    private final Buffer buffer;

    BufferOutput(Buffer buffer) {
        this.buffer = buffer;
    }

    @Override
    public void write(int b) {
        buffer.appendByte((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        buffer.appendBytes(bytes, offset, length);
    }
}
