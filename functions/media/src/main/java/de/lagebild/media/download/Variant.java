package de.lagebild.media.download;

import de.lagebild.common.access.Permission;

/** What of an attachment is downloaded, and the chat permission it needs. */
public enum Variant {
    SERVED(Permission.READ), THUMBNAIL(Permission.READ), ORIGINAL(Permission.MANAGE);

    private final Permission permission;

    Variant(Permission permission) {
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }
}
