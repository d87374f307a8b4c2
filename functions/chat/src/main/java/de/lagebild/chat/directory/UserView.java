package de.lagebild.chat.directory;

import de.lagebild.common.identity.UserAccount;
import java.util.UUID;

/** A user as the directory shows them, for adding members. */
public record UserView(UUID id, String username, String displayName, String unit) {

    public static UserView of(UserAccount account) {
        return new UserView(account.id, account.username, account.displayName, account.unit);
    }
}
