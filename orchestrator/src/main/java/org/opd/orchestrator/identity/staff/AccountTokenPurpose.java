package org.opd.orchestrator.identity.staff;

/** What a one-use account token is for ({@code users_tokens.context}, spec 002). */
public enum AccountTokenPurpose {
    /** Proves the account's e-mail address reaches its owner. */
    CONFIRM_EMAIL,
    /** Lets the owner choose a new password without the old one. */
    RESET_PASSWORD
}
