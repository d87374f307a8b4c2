package de.lagebild.chat.directory;

import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.userId;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The directory answers a query that names someone, with a few users, not a listing of everybody. */
@QuarkusTest
class DirectoryTest {

    @Inject
    Pool pool;

    @Test
    void aShortQueryIsRefusedNamingIt() {
        as("officer2").get("/v1/users?q=er&limit=100").then().statusCode(400).body("errors.field", hasItem("q"));
        as("officer2").queryParam("q", " e ").get("/v1/users").then().statusCode(400).body("errors.field", hasItem("q"));
    }

    @Test
    void noSearchReturnsMoreThanTheCapWhateverLimitItAsksFor() {
        String family = "dirtest" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 30; i++) {
            pool.preparedQuery("insert into users (id, subject, username, display_name) values ($1, $2, $3, $4)")
                    .execute(Tuple.of(UUID.randomUUID(), UUID.randomUUID().toString(), family + "-" + i, "Person " + i))
                    .await().indefinitely();
        }
        as("officer2").get("/v1/users?q=" + family + "&limit=100").then().statusCode(200).body("$", hasSize(20));
        as("officer2").get("/v1/users?q=" + family).then().statusCode(200).body("$", hasSize(10));
    }

    @Test
    void aQueryMatchesTheStartOfANameOrUserNameOnly() {
        userId("officer1");
        as("officer2").get("/v1/users?q=offi").then().statusCode(200).body("username", hasItem("officer1"));
        as("officer2").get("/v1/users?q=becker").then().statusCode(200).body("username", hasItem("officer1"));
        as("officer2").get("/v1/users?q=fficer1").then().statusCode(200).body("$", empty());
    }
}
