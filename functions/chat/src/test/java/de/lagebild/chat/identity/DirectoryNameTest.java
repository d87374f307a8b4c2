package de.lagebild.chat.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.lagebild.common.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Names and units come from the police directory: an officer cannot rename themselves through
 * Keycloak's account API (the realm's user profile lets only administrators edit them), and
 * Lagebild keeps showing the directory's name.
 */
@QuarkusTest
class DirectoryNameTest {

    @Test
    void anOfficerCannotTakeAnotherNameOrUnitThroughTheAccountApi() throws Exception {
        try (DirectoryUser officer = DirectoryUser.create("Petra", "Schulz", "PK 21")) {
            DirectoryUser.Account account = officer.account();
            ObjectNode profile = (ObjectNode) account.profile();
            assertThat(profile.path("firstName").asText()).isEqualTo("Petra");

            profile.put("firstName", "Katrin").put("lastName", "Hoffmann");
            ((ObjectNode) profile.path("attributes")).putArray("unit").add("Einsatzleitung");
            HttpResponse<String> renamed = account.update(profile);

            assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(400);
            assertThat(renamed.body()).contains("error-user-attribute-read-only");
            var stored = officer.asTheAdministratorSeesIt();
            assertThat(stored.path("firstName").asText()).isEqualTo("Petra");
            assertThat(stored.path("lastName").asText()).isEqualTo("Schulz");
            assertThat(stored.at("/attributes/unit/0").asText()).isEqualTo("PK 21");

            String token = Tokens.fresh(Tokens.REALM, Tokens.APP_CLIENT, officer.username);
            given().auth().oauth2(token).when().get("/v1/me").then().statusCode(200)
                    .body("displayName", is("Petra Schulz"))
                    .body("unit", is("PK 21"));
        }
    }
}
