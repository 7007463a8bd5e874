package org.policyadvisor.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.policyadvisor.http.Exposure;
import org.policyadvisor.http.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code serve}'s options for listening beyond loopback: TLS, bearer tokens, and the consent to go without. */
final class ExposureOptions {

    private static final Logger LOG = LoggerFactory.getLogger(ExposureOptions.class);

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve HTTPS with this certificate chain (PEM).")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The private key of --tls-cert (PEM).")
    Path tlsKey;

    @Option(names = "--tokens", paramLabel = "FILE",
            description = "Require a bearer token from this file (one a line, at least 16 characters) on every "
                    + "route but /health and /ready.")
    Path tokens;

    @Option(names = "--insecure",
            description = "Allow a non-loopback --host without --tokens: anyone who reaches the port may use it.")
    boolean insecure;

    /**
     * The exposure asked for; refuses a non-loopback host without tokens unless {@code --insecure}.
     *
     * @throws ParameterException when the options do not fit together or a file cannot be read
     */
    Exposure exposure(CommandSpec spec, String host) {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together: give both");
        }
        for (Path pem : new Path[] {tlsCert, tlsKey}) {
            if (pem != null && !Files.isReadable(pem)) {
                throw new ParameterException(spec.commandLine(), "cannot read " + pem);
            }
        }
        Tokens accepted = Tokens.none();
        if (tokens != null) {
            try {
                accepted = Tokens.read(tokens);
            } catch (IOException | IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--tokens " + tokens + ": " + e.getMessage());
            }
        }
        boolean loopback = loopback(host);
        if (!loopback && !accepted.required() && !insecure) {
            throw new ParameterException(spec.commandLine(), "refusing to listen on " + host
                    + " without --tokens: every client that can reach this address could use the service. Give "
                    + "--tokens FILE (and --tls-cert/--tls-key so the tokens are not sent in clear), or --insecure "
                    + "if a firewall or proxy in front already restricts access.");
        }
        if (!loopback && tlsCert == null) {
            LOG.warn("listening on {} without TLS: requests, answers{} travel in clear", host,
                    accepted.required() ? " and bearer tokens" : "");
        }
        return new Exposure(tlsCert, tlsKey, accepted);
    }

    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
