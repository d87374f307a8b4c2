package de.lagebild.positions.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.lagebild.common.testing.Tokens;
import de.lagebild.positions.testing.MapFixtures;
import de.lagebild.common.testing.OtlpTraceReceiver;
import de.lagebild.positions.testing.TracingResource;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With a collector configured, a request is one trace from the HTTP server through the database statements
 * it runs, the trace continues the caller's (W3C `traceparent`), and a problem+json answer names it. What a
 * trace carries names no value of the request: no coordinates, no text, no token.
 */
@QuarkusTest
@WithTestResource(value = TracingResource.class, scope = TestResourceScope.GLOBAL)
class TracingTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration EXPORTED = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    private MapFixtures.Chat chat;

    @BeforeEach
    void aChatOfOfficer1() {
        MapFixtures fixtures = new MapFixtures(pool);
        chat = fixtures.chatOf(fixtures.userIdOf("officer1"));
    }

    @Test
    void aRequestAndItsDatabaseStatementsAreOneTraceThatNamesNoValueOfTheRequest() {
        String traceId = randomHex(16);
        String token = Tokens.of("officer1");
        given().header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + UUID.randomUUID()
                        + "\",\"name\":\"Sammelpunkt Lindenstraße\",\"lat\":53.5511,\"lon\":9.9937}")
                .post("/v1/chats/" + chat.chatId() + "/map/pois")
                .then().statusCode(201);

        List<Span> spans = await().atMost(EXPORTED).until(() -> receiver().spansOf(traceId),
                trace -> trace.stream().anyMatch(span -> span.getKind() == Span.SpanKind.SPAN_KIND_SERVER)
                        && trace.stream().anyMatch(TracingTest::isDatabaseStatement));

        assertThat(spans).filteredOn(TracingTest::isDatabaseStatement)
                .allSatisfy(statement -> assertThat(statement.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT));
        assertThat(spans).flatExtracting(TracingTest::attributeValues)
                .noneMatch(value -> value.contains("53.5511") || value.contains("9.9937")
                        || value.contains("Lindenstra") || value.contains(token));
        assertThat(receiver().refusals()).isEmpty();
    }

    @Test
    void aProblemNamesTheTraceOfTheRequestItAnswers() {
        String traceId = randomHex(16);
        String answered = given().header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .auth().oauth2(Tokens.of("officer1")).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"x\",\"lat\":91,\"lon\":9.99}")
                .post("/v1/chats/" + chat.chatId() + "/map/pois")
                .then().statusCode(400).contentType("application/problem+json")
                .extract().path("traceId");

        assertThat(answered).isEqualTo(traceId);
        await().atMost(EXPORTED).until(() -> receiver().spansOf(traceId), trace -> !trace.isEmpty());
    }

    @Test
    void aRequestRefusedForItsTokenNamesANewTraceThatTheCollectorReceives() {
        String answered = given().get("/v1/chats/" + chat.chatId() + "/map/pois")
                .then().statusCode(401).contentType("application/problem+json")
                .extract().path("traceId");

        assertThat(answered).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        await().atMost(EXPORTED).until(() -> receiver().spansOf(answered), trace -> !trace.isEmpty());
    }

    private static OtlpTraceReceiver receiver() {
        return TracingResource.receiver();
    }

    private static boolean isDatabaseStatement(Span span) {
        return span.getAttributesList().stream().anyMatch(attribute -> attribute.getKey().startsWith("db."));
    }

    private static List<String> attributeValues(Span span) {
        return span.getAttributesList().stream().map(KeyValue::getValue).map(AnyValue::toString).toList();
    }

    private static String randomHex(int bytes) {
        byte[] id = new byte[bytes];
        RANDOM.nextBytes(id);
        return OtlpTraceReceiver.hex(id);
    }
}
