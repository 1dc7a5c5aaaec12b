package org.opd.schemas.identity;

/**
 * What a one-use account token is for ({@code users_tokens.context}, spec 002), and the orchestrator's
 * page its e-mailed link opens ({@code <base>/<linkPath>?token=...}).
 */
public enum AccountTokenPurpose {
    /** Proves the account's e-mail address reaches its owner. */
    CONFIRM_EMAIL(AccountLinkPaths.CONFIRM_EMAIL),
    /** Lets the owner choose a new password without the old one. */
    RESET_PASSWORD(AccountLinkPaths.RESET_PASSWORD);

    private final String linkPath;

    AccountTokenPurpose(String linkPath) {
        this.linkPath = linkPath;
    }

    public String linkPath() {
        return linkPath;
    }
}
