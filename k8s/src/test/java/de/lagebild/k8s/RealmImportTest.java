package de.lagebild.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The realm a cluster imports: prod has nothing made for development, dev is the realm of infra/. */
class RealmImportTest {

    private static final String REALM_IMPORT = "k8s.keycloak.org/v2alpha1/KeycloakRealmImport";

    @Test
    void prodRealmHasNoPasswordGrantNoUsersAndNoCommittedSecret() {
        JsonNode realmImport = Overlay.rendered("prod").get(REALM_IMPORT, "lagebild-realm");
        JsonNode realm = realmImport.at("/spec/realm");
        assertThat(realm.path("sslRequired").asText()).isIn("external", "all");
        assertThat(realm.path("registrationAllowed").asBoolean()).isFalse();
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(id + " password grant").isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean()).as(id + " implicit flow").isFalse();
            assertThat(client.path("redirectUris").toString()).as(id).doesNotContain("127.0.0.1", "localhost");
            if (client.has("secret")) {
                String placeholder = client.path("secret").asText();
                assertThat(placeholder).as(id + " secret is a placeholder").matches("\\$\\{[A-Z_]+}");
                String name = placeholder.substring(2, placeholder.length() - 1);
                assertThat(realmImport.at("/spec/placeholders/" + name + "/secret/name").asText())
                        .as(id + " secret from a Secret").isNotEmpty();
            }
        }
        for (JsonNode user : realm.path("users")) {
            assertThat(user.has("serviceAccountClientId")).as(user.path("username").asText() + " is a service account").isTrue();
            assertThat(user.has("credentials")).isFalse();
        }
    }

    @Test
    void prodRealmKeepsTheRolesAndClientsTheFunctionsExpect() throws IOException {
        JsonNode dev = new ObjectMapper().readTree(Repository.ROOT.resolve("infra/keycloak/lagebild-realm.json").toFile());
        JsonNode prod = Overlay.rendered("prod").get(REALM_IMPORT, "lagebild-realm").at("/spec/realm");
        assertThat(prod.at("/roles/realm")).isEqualTo(dev.at("/roles/realm"));
        assertThat(prod.path("realm").asText()).isEqualTo(dev.path("realm").asText());
        assertThat(clientIds(prod)).contains("lagebild-app", "lagebild-importer");
    }

    @Test
    void devRealmIsTheRealmOfInfra() throws IOException {
        JsonNode infra = new ObjectMapper().readTree(Repository.ROOT.resolve("infra/keycloak/lagebild-realm.json").toFile());
        JsonNode committed = Overlay.YAML.readTree(Repository.ROOT.resolve("k8s/overlays/dev/keycloak/realm-import.yaml").toFile());
        assertThat(committed.at("/spec/realm"))
                .as("k8s/overlays/dev/keycloak/realm-import.yaml is stale: run k8s/overlays/dev/keycloak/render-realm.sh")
                .isEqualTo(infra);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void namesAndUnitsAreEditableByAdministratorsOnly(String overlayName) throws IOException {
        JsonNode realm = Overlay.rendered(overlayName).get(REALM_IMPORT, "lagebild-realm").at("/spec/realm");
        JsonNode provider = realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0");
        assertThat(provider.path("providerId").asText()).isEqualTo("declarative-user-profile");
        JsonNode profile = new ObjectMapper().readTree(provider.at("/config/kc.user.profile.config/0").asText());
        List<String> attributes = new ArrayList<>();
        for (JsonNode attribute : profile.path("attributes")) {
            String name = attribute.path("name").asText();
            attributes.add(name);
            assertThat(attribute.at("/permissions/edit").toString()).as(overlayName + " " + name + " editable by")
                    .isEqualTo("[\"admin\"]");
        }
        assertThat(attributes).contains("username", "firstName", "lastName", "unit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void adminCliHasNoPasswordGrantInTheRealm(String overlayName) {
        JsonNode realm = Overlay.rendered(overlayName).get(REALM_IMPORT, "lagebild-realm").at("/spec/realm");
        JsonNode adminCli = null;
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals("admin-cli")) {
                adminCli = client;
            }
        }
        assertThat(adminCli).as(overlayName + " declares admin-cli").isNotNull();
        assertThat(adminCli.path("directAccessGrantsEnabled").asBoolean(true)).isFalse();
    }

    @Test
    void prodAccessTokensLiveFiveMinutesAtMost() {
        JsonNode realm = Overlay.rendered("prod").get(REALM_IMPORT, "lagebild-realm").at("/spec/realm");
        assertThat(realm.path("accessTokenLifespan").asInt()).as("the revocation lag SECURITY.md promises").isBetween(60, 300);
    }

    static List<String> clientIds(JsonNode realm) {
        List<String> ids = new ArrayList<>();
        realm.path("clients").forEach(c -> ids.add(c.path("clientId").asText()));
        return ids;
    }
}
