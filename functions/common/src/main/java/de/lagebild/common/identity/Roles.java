package de.lagebild.common.identity;

/** The realm roles of the police IdP (docs/ARCHITECTURE.md "Identity and permissions"). */
public final class Roles {

    /** May use the app. */
    public static final String OFFICER = "officer";
    /** May open operation rooms. */
    public static final String OPERATIONS_LEAD = "operations-lead";
    /** May inject photos and files into chats from the police network. */
    public static final String DOMAIN_ADMIN = "domain-admin";
    /** May manage layers and their imports. */
    public static final String LAYER_ADMIN = "layer-admin";

    private Roles() {
    }
}
