package org.opd.orchestrator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;

/** Password-reset and e-mail confirmation tokens: issued by an administrator, stored hashed, good once. */
class AccountTokensIT extends OrchestratorIntegrationTest {

    @Test
    void aResetTokenSetsANewPasswordOnceAndIsKeptOnlyAsItsHash() {
        // Given a receptionist's account and a reset token an administrator issued for it
        String accountId = receptionistAccount();
        Api admin = api.as(api.callers().bootstrap());
        Api.Reply issued = admin.post("/staff-accounts/" + accountId + "/tokens", Map.of("purpose", "RESET_PASSWORD"));
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.text("token");
        String hashBefore = passwordHash(accountId);

        // When the owner uses it, without signing in, and then tries it a second time
        Api.Reply first = api.anonymous().post("/password-resets", Map.of("token", token, "newPassword", "a-brand-new-passphrase"));
        Api.Reply second = api.anonymous().post("/password-resets", Map.of("token", token, "newPassword", "yet-another-passphrase"));

        // Then the first set the password (no change due any more), the second was refused naming the token
        assertThat(first.status()).isEqualTo(204);
        assertThat(passwordHash(accountId)).isNotEqualTo(hashBefore);
        assertThat(jdbc.sql("SELECT must_change_password FROM staff_accounts WHERE account_id = :id::uuid").param("id", accountId)
                .query(Boolean.class).single()).isFalse();
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.body().path("errors").get(0).path("field").asText()).isEqualTo("token");
        // And the database holds no token in the clear
        assertThat(jdbc.sql("SELECT encode(token_hash, 'escape') FROM users_tokens WHERE account_id = :id::uuid")
                .param("id", accountId).query(String.class).list()).noneMatch(stored -> stored.contains(token));
    }

    @Test
    void anExpiredOrUnknownTokenChangesNothing() {
        // Given an account with a reset token that has expired
        String accountId = receptionistAccount();
        String token = api.as(api.callers().bootstrap())
                .post("/staff-accounts/" + accountId + "/tokens", Map.of("purpose", "RESET_PASSWORD")).text("token");
        jdbc.sql("UPDATE users_tokens SET expires_at = now() - interval '1 minute' WHERE account_id = :id::uuid")
                .param("id", accountId).update();
        String hashBefore = passwordHash(accountId);

        // When it, or a made-up token, is used
        Api.Reply expired = api.anonymous().post("/password-resets", Map.of("token", token, "newPassword", "a-brand-new-passphrase"));
        Api.Reply unknown = api.anonymous().post("/password-resets", Map.of("token", "made-up", "newPassword", "a-brand-new-passphrase"));

        // Then both are refused and the password is unchanged
        assertThat(expired.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(passwordHash(accountId)).isEqualTo(hashBefore);
    }

    @Test
    void aConfirmationTokenConfirmsTheEmailOnce() {
        String accountId = receptionistAccount();
        String token = api.as(api.callers().bootstrap())
                .post("/staff-accounts/" + accountId + "/tokens", Map.of("purpose", "CONFIRM_EMAIL")).text("token");

        assertThat(api.anonymous().post("/email-confirmations", Map.of("token", token)).status()).isEqualTo(204);
        assertThat(api.anonymous().post("/email-confirmations", Map.of("token", token)).status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT email_confirmed_at IS NOT NULL FROM staff_accounts WHERE account_id = :id::uuid")
                .param("id", accountId).query(Boolean.class).single()).isTrue();
    }

    private String receptionistAccount() {
        Clinic clinic = Clinic.open(api);
        Api.Reply opened = api.as(api.callers().bootstrap()).post("/staff-accounts", Map.of(
                "email", "desk-" + UUID.randomUUID() + "@hospital.test", "displayName", "Front desk",
                "initialPassword", "initial-passphrase-1", "hospitalId", clinic.hospitalId, "roles", List.of("RECEPTIONIST")));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        return opened.text("accountId");
    }

    private String passwordHash(String accountId) {
        return jdbc.sql("SELECT password_hash FROM staff_accounts WHERE account_id = :id::uuid").param("id", accountId)
                .query(String.class).single();
    }
}
