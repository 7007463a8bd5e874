package org.policyadvisor.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.vertx.core.buffer.Buffer;
import org.policyadvisor.ErrorCode;
import org.policyadvisor.MalformedInputException;
import org.policyadvisor.Problem;

/**
 * JSON bodies are UTF-8 (RFC 8259): a declared charset other than UTF-8 is refused (415), and bytes that are not
 * UTF-8 (invalid sequences, overlong forms, surrogates) are refused (400 {@code malformed_json}), never replaced.
 */
final class Utf8 {

    private Utf8() {
    }

    /** Refuses a {@code charset} parameter of a Content-Type other than UTF-8; no parameter means UTF-8. */
    static void checkCharset(String contentType) {
        if (contentType == null) {
            return;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int eq = parameter.indexOf('=');
            if (eq < 0 || !parameter.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                continue;
            }
            String charset = parameter.substring(eq + 1).strip().replace("\"", "").toLowerCase(Locale.ROOT);
            if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                throw new RequestException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "JSON bodies must be UTF-8",
                        List.of(new Problem("Content-Type", "charset " + Failure.shown(charset)
                                + " is not accepted; send UTF-8")));
            }
        }
    }

    /** The body as text; throws {@link MalformedInputException} at the first byte that is not UTF-8. */
    static String decode(Buffer body) {
        if (body == null || body.length() == 0) {
            return "";
        }
        byte[] bytes = body.getBytes();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedInputException(new Problem("body", "not valid UTF-8 at byte " + in.position()));
        }
    }
}
