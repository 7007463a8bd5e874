package org.policyadvisor.http;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the service is exposed: TLS from PEM files (both or neither), and the bearer tokens every route but
 * {@code /health} and {@code /ready} requires (none: no token needed).
 *
 * @param tlsCert the certificate chain, PEM; null for plain HTTP
 * @param tlsKey  its private key, PEM (PKCS#8 or PKCS#1); null for plain HTTP
 * @param tokens  the accepted bearer tokens
 */
public record Exposure(Path tlsCert, Path tlsKey, Tokens tokens) {

    public Exposure {
        Objects.requireNonNull(tokens, "tokens must not be null");
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("give both a TLS certificate and its key, or neither");
        }
    }

    public static Exposure none() {
        return new Exposure(null, null, Tokens.none());
    }

    public boolean tls() {
        return tlsCert != null;
    }
}
