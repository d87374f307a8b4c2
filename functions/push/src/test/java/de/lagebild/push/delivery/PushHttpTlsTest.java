package de.lagebild.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push carries an encrypted payload and a VAPID token a push service honours for hours: it goes only to
 * a service whose certificate the JVM trusts. A loopback HTTPS server with a self-signed certificate stands
 * in for a service behind an intercepting proxy; a client that does trust that certificate shows the server
 * answers, so the refusal is the trust check's.
 */
class PushHttpTlsTest {

    private static final AtomicInteger REQUESTS = new AtomicInteger();
    @TempDir
    static Path keys;
    private static Vertx vertx;
    private static HttpServer server;

    @BeforeAll
    static void startServer() throws Exception {
        // The JDK's keytool makes the certificate: Netty's self-signed certificates need Bouncy Castle's PKIX.
        keytool("-genkeypair", "-alias", "service", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", "service.p12", "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "service", "-keystore", "service.p12", "-storepass", "changeit", "-file", "service.pem");
        vertx = Vertx.vertx();
        server = vertx.createHttpServer(new HttpServerOptions().setSsl(true)
                        .setKeyCertOptions(new PfxOptions().setPath(keys.resolve("service.p12").toString()).setPassword("changeit")))
                .requestHandler(request -> {
                    REQUESTS.incrementAndGet();
                    request.response().setStatusCode(201).end();
                })
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(keys.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("keytool: %s", output).isZero();
    }

    @Test
    void aServiceWhoseCertificateIsNotTrustedGetsNoPush() {
        PushHttp http = new PushHttp(vertx, Duration.ofSeconds(5), 1);
        int before = REQUESTS.get();

        assertThatThrownBy(() -> http.post(serviceUrl(), Map.of("TTL", "60"), new byte[] {1, 2, 3}).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SSLHandshakeException.class)
                .hasRootCauseInstanceOf(CertPathBuilderException.class);
        assertThat(REQUESTS.get()).isEqualTo(before);
    }

    @Test
    void theSameServiceAnswersAClientThatTrustsItsCertificate() throws Exception {
        int status = vertx.createHttpClient(new HttpClientOptions()
                        .setTrustOptions(new PemTrustOptions().addCertPath(keys.resolve("service.pem").toString())).setVerifyHost(true))
                .request(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(serviceUrl().toString()))
                .compose(request -> request.send())
                .map(response -> response.statusCode())
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(status).isEqualTo(201);
    }

    private static URI serviceUrl() {
        return URI.create("https://localhost:" + server.actualPort() + "/push/device-1");
    }
}
