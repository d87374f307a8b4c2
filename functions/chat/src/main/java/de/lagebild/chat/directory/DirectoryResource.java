package de.lagebild.chat.directory;

import de.lagebild.common.identity.Roles;
import de.lagebild.common.identity.UserAccount;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
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

@Path("/v1/users")
@Tag(name = "Users")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {

    @GET
    @WithSession
    @Operation(summary = "Search the directory of users by name or user name",
            description = "Users are known once they have used the app. Case-insensitive substring match.")
    public Uni<List<UserView>> search(@QueryParam("q") @NotBlank @Size(min = 2, max = 100) String q,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        String pattern = "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return UserAccount.<UserAccount>find("lower(displayName) like ?1 or lower(username) like ?1 order by displayName",
                        pattern)
                .page(0, limit).list()
                .map(users -> users.stream().map(UserView::of).toList());
    }
}
