package org.policyadvisor.http;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.Advisor;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("TLS from PEM files")
class TlsTest {

    @Test
    @DisplayName("serve over HTTPS with --tls-cert/--tls-key; plain HTTP on the port gets no answer")
    void https(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        selfSigned(dir, cert, key);
        Advisor advisor = HttpTestBase.advisorOf(HttpTestBase.RULES);
        ServerConfig config = ServerConfig.defaults().withPort(0).withFactsDir(HttpTestBase.FACTS);
        Vertx vertx = Vertx.vertx();
        try (Server server = Server.start(new AtomicReference<>(advisor), List::of, config, 1,
                new Exposure(cert, key, Tokens.none()), null)) {
            WebClient https = WebClient.create(vertx, new WebClientOptions().setSsl(true).setTrustAll(true)
                    .setVerifyHost(false).setDefaultHost("127.0.0.1").setDefaultPort(server.port()));
            HttpResponse<Buffer> response = https.get("/health").send().await(20, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.bodyAsJsonObject().getString("revision")).isEqualTo(advisor.revision());

            RawHttp.Answer plain = RawHttp.send(server.port(), "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(plain.status()).isNotEqualTo(200);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    /** A self-signed certificate made with the JDK's keytool, written out as PEM. */
    static void selfSigned(Path dir, Path cert, Path key) throws Exception {
        Path store = dir.resolve("store.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor()).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        Certificate certificate = ks.getCertificate("server");
        Files.writeString(cert, pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", ks.getKey("server", "changeit".toCharArray()).getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
