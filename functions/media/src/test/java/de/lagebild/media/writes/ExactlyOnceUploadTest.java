package de.lagebild.media.writes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import de.lagebild.common.testing.Tokens;
import de.lagebild.media.testing.ChatFixtures;
import de.lagebild.media.testing.ChatFixtures.Access;
import de.lagebild.media.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Every creating media endpoint, sent ten times at once with the same client id and the same bytes
 * through real HTTP, into the real store: one attachment per file, its objects and no others, one
 * message event per file where messages are posted, one claim; one 201 and nine 200, every answer the
 * same bytes, and a later retry too. The same client id with other bytes, another name or caption, by
 * another user or on another endpoint is 409 and changes nothing; a refused first upload leaves
 * nothing behind, and its retry succeeds (and removes what a try that failed with S3 down left).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExactlyOnceUploadTest {

    private static final int CONCURRENT = 10;
    /** Served copy, thumbnail and (kept in tests) the original. */
    private static final int PHOTO_OBJECTS = 3;

    @Inject
    Pool pool;

    @Inject
    S3Client s3;

    private final ExecutorService phones = Executors.newFixedThreadPool(CONCURRENT);
    private ChatFixtures fixtures;
    private UUID chatId;

    /** What one request sends: the photo's bytes and name, and a caption where the endpoint takes one. */
    private record Upload(byte[] photo, String fileName, String caption) {

        Upload withPhoto(byte[] other) {
            return new Upload(other, fileName, caption);
        }

        Upload withName(String other) {
            return new Upload(photo, other, caption);
        }

        Upload withCaption(String other) {
            return new Upload(photo, fileName, other);
        }
    }

    /** What a chat holds after uploads. */
    private record Written(long ready, long unfinished, long messages, long messageEvents, long objects, long claims) {
    }

    /** The creating endpoints, raw body and multipart alike. */
    enum Endpoint {
        ATTACHMENT_RAW("officer1", 0) {
            @Override
            RequestSpecification request(String user, UUID clientId, Upload upload) {
                return raw(user, clientId, upload);
            }

            @Override
            String path(UUID chat) {
                return "/v1/chats/" + chat + "/attachments";
            }
        },
        ATTACHMENT_FORM("officer1", 0) {
            @Override
            RequestSpecification request(String user, UUID clientId, Upload upload) {
                return form(user, clientId, upload);
            }

            @Override
            String path(UUID chat) {
                return "/v1/chats/" + chat + "/attachments";
            }
        },
        MEDIA_MESSAGE_RAW("officer1", 1) {
            @Override
            RequestSpecification request(String user, UUID clientId, Upload upload) {
                return raw(user, clientId, upload).queryParam("caption", upload.caption());
            }

            @Override
            String path(UUID chat) {
                return "/v1/chats/" + chat + "/media-messages";
            }
        },
        MEDIA_MESSAGE_FORM("officer1", 1) {
            @Override
            RequestSpecification request(String user, UUID clientId, Upload upload) {
                return form(user, clientId, upload).multiPart("caption", upload.caption());
            }

            @Override
            String path(UUID chat) {
                return "/v1/chats/" + chat + "/media-messages";
            }
        },
        /** A photo and a PDF in one batch, each with a caption. */
        INJECTION("admin1", 2) {
            @Override
            RequestSpecification request(String user, UUID clientId, Upload upload) {
                return form(user, clientId, upload).multiPart("caption", upload.caption())
                        .multiPart("file", "befehl.pdf", TestFiles.pdf(), "application/pdf")
                        .multiPart("caption", "Einsatzbefehl");
            }

            @Override
            String path(UUID chat) {
                return "/v1/admin/chats/" + chat + "/media";
            }
        };

        final String user;
        final int messages;

        Endpoint(String user, int messages) {
            this.user = user;
            this.messages = messages;
        }

        abstract RequestSpecification request(String user, UUID clientId, Upload upload);

        abstract String path(UUID chat);

        /** What one successful request leaves in a chat. */
        Written once() {
            return this == INJECTION
                    ? new Written(2, 0, 2, 2, PHOTO_OBJECTS + 1, 1)
                    : new Written(1, 0, messages, messages, PHOTO_OBJECTS, 1);
        }

        private static RequestSpecification raw(String user, UUID clientId, Upload upload) {
            return given().auth().oauth2(Tokens.of(user)).contentType("image/jpeg").body(upload.photo())
                    .queryParam("clientId", clientId.toString()).queryParam("fileName", upload.fileName());
        }

        private static RequestSpecification form(String user, UUID clientId, Upload upload) {
            return given().auth().oauth2(Tokens.of(user)).multiPart("clientId", clientId.toString())
                    .multiPart("file", upload.fileName(), upload.photo(), "image/jpeg");
        }
    }

    @BeforeEach
    void chat() {
        fixtures = new ChatFixtures(pool);
        chatId = fixtures.chatOf("officer1");
        fixtures.addMember(chatId, "officer2", Access.WRITE);
    }

    @AfterAll
    void stopPhones() {
        phones.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void tenConcurrentIdenticalUploadsStoreOnceAndAnswerAlike(Endpoint endpoint) throws Exception {
        UUID clientId = UUID.randomUUID();
        Upload upload = new Upload(photo(), "lage.jpg", "Lage Nord");

        List<Response> answers = sendAtOnce(endpoint, clientId, upload);

        assertThat(answers.stream().map(Response::statusCode).toList()).as("statuses")
                .containsOnly(201, 200).filteredOn(status -> status == 201).hasSize(1);
        List<String> bodies = answers.stream().map(Response::asString).toList();
        assertThat(bodies).as("answers").containsOnly(bodies.get(0));
        assertThat(written(clientId)).isEqualTo(endpoint.once());

        Response later = send(endpoint, endpoint.user, clientId, upload);
        assertThat(later.statusCode()).as("a later retry").isEqualTo(200);
        assertThat(later.asString()).isEqualTo(bodies.get(0));
        assertThat(written(clientId)).isEqualTo(endpoint.once());
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void theClientIdOfAnUploadIsAConflictForAnyOtherRequest(Endpoint endpoint) {
        UUID clientId = UUID.randomUUID();
        Upload upload = new Upload(photo(), "lage.jpg", "Lage Nord");
        String first = send(endpoint, endpoint.user, clientId, upload).then().statusCode(201).extract().asString();

        List<Response> others = new ArrayList<>(List.of(
                send(endpoint, endpoint.user, clientId, upload.withPhoto(TestFiles.jpeg(TestFiles.halves(60, 40)))),
                send(endpoint, endpoint.user, clientId, upload.withName("anders.jpg"))));
        if (endpoint.messages > 0) {
            others.add(send(endpoint, endpoint.user, clientId, upload.withCaption("Lage Süd")));
        }
        if (endpoint != Endpoint.INJECTION) {
            others.add(send(endpoint, "officer2", clientId, upload));
            Endpoint otherOperation = endpoint.messages > 0 ? Endpoint.ATTACHMENT_RAW : Endpoint.MEDIA_MESSAGE_RAW;
            others.add(send(otherOperation, endpoint.user, clientId, upload));
        }
        for (Response other : others) {
            assertThat(other.statusCode()).as("another request with the client id").isEqualTo(409);
            assertThat(other.contentType()).startsWith("application/problem+json");
        }
        assertThat(written(clientId)).isEqualTo(endpoint.once());
        Response retry = send(endpoint, endpoint.user, clientId, upload);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.asString()).isEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void aRefusedUploadLeavesNothingAndItsRetrySucceeds(Endpoint endpoint) {
        UUID clientId = UUID.randomUUID();
        Upload upload = new Upload(photo(), "lage.jpg", "Lage Nord");

        send(endpoint, endpoint.user, clientId, upload.withPhoto(TestFiles.heic())).then().statusCode(415);
        byte[] tooLarge = Arrays.copyOf(upload.photo(), 2 * 1024 * 1024 + 1);
        send(endpoint, endpoint.user, clientId, upload.withPhoto(tooLarge)).then().statusCode(413);
        assertThat(written(clientId)).isEqualTo(new Written(0, 0, 0, 0, 0, 0));

        String first = send(endpoint, endpoint.user, clientId, upload).then().statusCode(201).extract().asString();
        send(endpoint, endpoint.user, clientId, upload).then().statusCode(200).body(equalTo(first));
        assertThat(written(clientId)).isEqualTo(endpoint.once());
    }

    /** S3 was down when a try failed: its row stayed `failed` with its client id, and maybe an object. */
    @ParameterizedTest
    @EnumSource(value = Endpoint.class, names = {"ATTACHMENT_RAW", "MEDIA_MESSAGE_FORM"})
    void theRetryOfAFailedTryRemovesWhatItLeftBehind(Endpoint endpoint) {
        UUID clientId = UUID.randomUUID();
        String leftBehind = "chats/" + chatId + "/" + UUID.randomUUID() + "/file.pdf";
        s3.putObject(request -> request.bucket("lagebild").key(leftBehind), RequestBody.fromBytes(TestFiles.pdf()));
        pool.preparedQuery("insert into attachments (id, chat_id, room_id, uploaded_by, client_id, kind, status,"
                        + " content_type, file_name, object_key) select $1, id, room_id, $2, $3, 'file', 'failed',"
                        + " 'application/pdf', 'a.pdf', $4 from chats where id = $5")
                .execute(Tuple.from(new Object[] {UUID.randomUUID(), fixtures.userId(endpoint.user), clientId, leftBehind,
                        chatId}))
                .await().indefinitely();

        send(endpoint, endpoint.user, clientId, new Upload(photo(), "lage.jpg", "Lage Nord")).then().statusCode(201);

        assertThat(written(clientId)).isEqualTo(endpoint.once());
        assertThat(objects(leftBehind)).isZero();
    }

    private static byte[] photo() {
        return TestFiles.jpeg(TestFiles.halves(80, 60));
    }

    private Response send(Endpoint endpoint, String user, UUID clientId, Upload upload) {
        return endpoint.request(user, clientId, upload).when().post(endpoint.path(chatId));
    }

    /** Ten requests with their tokens made beforehand, released together by one gate. */
    private List<Response> sendAtOnce(Endpoint endpoint, UUID clientId, Upload upload) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Response>> sent = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            RequestSpecification request = endpoint.request(endpoint.user, clientId, upload);
            String path = endpoint.path(chatId);
            sent.add(phones.submit(() -> {
                gate.await();
                return request.when().post(path);
            }));
        }
        gate.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> answer : sent) {
            answers.add(answer.get());
        }
        return answers;
    }

    private Written written(UUID clientId) {
        return new Written(
                fixtures.count("select count(*) from attachments where chat_id = $1 and status = 'ready'", chatId),
                fixtures.count("select count(*) from attachments where chat_id = $1 and status in ('pending', 'failed')",
                        chatId),
                fixtures.count("select count(*) from messages where chat_id = $1", chatId),
                fixtures.count("select count(*) from events where chat_id = $1 and type = 'message.created'", chatId),
                objects("chats/" + chatId + "/") + objects("originals/chats/" + chatId + "/"),
                fixtures.count("select count(*) from client_writes where client_id = $1", clientId));
    }

    private long objects(String prefix) {
        return s3.listObjectsV2(request -> request.bucket("lagebild").prefix(prefix)).keyCount();
    }
}
