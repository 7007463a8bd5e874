package org.policyadvisor.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Sends raw bytes over a socket and reads one HTTP/1 answer: for requests no HTTP client would send. */
final class RawHttp {

    /** One answer; status -1 when the server closed the connection without one. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    static Answer send(int port, byte[] request, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(timeoutMillis);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // The server may answer and close before it read everything: read what it said.
            }
            return read(socket.getInputStream());
        }
    }

    static Answer send(int port, String request) throws IOException {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1), 10_000);
    }

    /** Reads one answer: status line, headers, and a body of Content-Length bytes (or up to the close). */
    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last = 0;
        try {
            while (last != 0x0d0a0d0a) {
                int b = in.read();
                if (b < 0) {
                    return new Answer(-1, Map.of(), head.toString(StandardCharsets.ISO_8859_1));
                }
                head.write(b);
                last = (last << 8) | b;
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            return new Answer(-1, Map.of(), head.toString(StandardCharsets.ISO_8859_1));
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        String length = headers.get("content-length");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            if (length != null) {
                byte[] bytes = in.readNBytes(Integer.parseInt(length));
                body.write(bytes);
            } else if (!"chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body.write(in.readAllBytes());
            } else {
                readChunks(in, body);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // keep what arrived
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static void readChunks(InputStream in, ByteArrayOutputStream body) throws IOException {
        while (true) {
            StringBuilder size = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    size.append((char) b);
                }
            }
            int n = Integer.parseInt(size.toString().trim(), 16);
            if (n == 0) {
                return;
            }
            body.write(in.readNBytes(n));
            in.read();
            in.read();
        }
    }
}
