package org.opd.schemas.identity;

/** The orchestrator's pages an e-mailed account link opens: {@code <public base URL><path>?token=...}. */
public final class AccountLinkPaths {

    public static final String CONFIRM_EMAIL = "/sign-in/confirm";
    public static final String RESET_PASSWORD = "/sign-in/reset";

    private AccountLinkPaths() {
    }
}
