package de.lagebild.chat.directory;

import de.lagebild.common.identity.Roles;
import de.lagebild.common.identity.UserAccount;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.text.StorableText;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Finding a colleague to add as a member. It shows what a member list shows anyway (user name,
 * display name, unit) and no more, and only to a query that names someone: the start of a word of
 * the name or of the user name, at least a few characters, and a few results at most.
 */
@Path("/v1/users")
@Tag(name = "Users")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {

    private final DirectoryConfig config;

    public DirectoryResource(DirectoryConfig config) {
        this.config = config;
    }

    @GET
    @WithSession
    @Operation(summary = "Search the directory of users by the start of a name or user name",
            description = "Users are known once they have used the app. Case-insensitive; the query must have at "
                    + "least `lagebild.directory.min-query-length` characters (3) and matches the start of a word "
                    + "of the display name or the start of the user name. At most "
                    + "`lagebild.directory.max-results` users (20), whatever `limit` asks for.")
    public Uni<List<UserView>> search(@QueryParam("q") @NotBlank @Size(max = 100) String q,
            @QueryParam("limit") @DefaultValue("10") @Min(1) int limit) {
        String query = StorableText.checked("q", q).strip().toLowerCase(Locale.ROOT);
        if (query.length() < config.minQueryLength()) {
            throw ProblemException.invalidField("q", "must have at least " + config.minQueryLength() + " characters");
        }
        String escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return UserAccount.<UserAccount>find("lower(displayName) like ?1 or lower(displayName) like ?2"
                        + " or lower(username) like ?1 order by displayName", escaped + "%", "% " + escaped + "%")
                .page(0, Math.min(limit, config.maxResults())).list()
                .map(users -> users.stream().map(UserView::of).toList());
    }
}
