package org.opd.schemas.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A staff account's e-mail confirmation or password-reset token was issued for its owner, as
 * published on {@code opd.account-events} (key: account id) for the notifier to e-mail as a link.
 *
 * <p>Carries no e-mail address: the notifier looks it up by account id. The token travels only sealed
 * ({@link OneTimeCodeSeal}, bound to the account id), like a patient's sign-in code. Same
 * compatibility rules as {@link org.opd.schemas.token.TokenEvent}.
 *
 * @param eventId     unique per event; the notifier mails each event once
 * @param sealedToken the token sealed for {@code accountId} by {@link OneTimeCodeSeal#seal}
 * @param expiresAt   after this the token no longer works, so it is not sent either
 */
public record AccountLinkIssued(
        int schemaVersion,
        UUID eventId,
        Instant occurredAt,
        UUID accountId,
        AccountTokenPurpose purpose,
        String sealedToken,
        Instant expiresAt) {

    public static final int SCHEMA_VERSION = 1;

    /** The outbox {@code type} (and {@code eventType} header) of this event. */
    public static final String TYPE = "ACCOUNT_LINK_ISSUED";

    /** Leaves the sealed token out of logs. */
    @Override
    public String toString() {
        return "AccountLinkIssued[eventId=" + eventId + ", accountId=" + accountId + ", purpose=" + purpose
                + ", occurredAt=" + occurredAt + ", expiresAt=" + expiresAt + "]";
    }
}
