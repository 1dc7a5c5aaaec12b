package org.opd.orchestrator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.SignInBrowser;
import org.opd.schemas.identity.AccountLinkIssued;
import org.opd.schemas.identity.OneTimeCodeSeal;
import org.opd.schemas.kafka.JsonSerde;

/**
 * The e-mailed account links, up to the outbox event the notifier mails from (the notifier's
 * AccountMailIT takes it from there): "forgot my password", and the confirmation mailed to a new account.
 */
class AccountLinksIT extends OrchestratorIntegrationTest {

    @Test
    void aStaffMemberWhoForgotThePasswordChoosesANewOneThroughTheMailedLink() throws Exception {
        // Given a receptionist's account
        String email = "desk-" + UUID.randomUUID() + "@hospital.test";
        UUID accountId = openAccount(email);

        // When they ask for a reset on the "forgot" page (twice, impatiently), and someone asks for an address without an account
        SignInBrowser browser = browser();
        String sent = browser.submit("/sign-in/forgot", Map.of("email", email.toUpperCase()));
        browser().submit("/sign-in/forgot", Map.of("email", email));
        String unknown = browser().submit("/sign-in/forgot", Map.of("email", "nobody-" + UUID.randomUUID() + "@hospital.test"));

        // Then every answer is the same page, and one reset link is on its way, its event without the address
        assertThat(sent).endsWith("/sign-in/forgot?sent");
        assertThat(unknown).isEqualTo(sent);
        assertThat(browser.get("/sign-in/forgot?sent").body()).contains("If an account has this address");
        assertThat(linkEvents(accountId, "RESET_PASSWORD")).hasSize(1).allSatisfy(payload -> assertThat(payload).doesNotContain(email));

        // When the owner opens the link and sets a new password
        String token = mailedToken(accountId, "RESET_PASSWORD");
        String link = "/sign-in/reset?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        assertThat(browser.get(link).body()).contains("Choose a new password");
        String changed = browser.submit(link, "/sign-in/reset",
                Map.of("token", token, "newPassword", "remembered-at-last", "confirmPassword", "remembered-at-last"));

        // Then the page says so, the new password signs in, and the link does not work a second time
        assertThat(browser.get(changed.substring(changed.indexOf("/sign-in/"))).body()).contains("Your new password is set");
        assertThat(browser().signInWithPassword(SignInBrowser.consoleAuthorization("v"), email, "remembered-at-last"))
                .contains("/oauth2/authorize");
        String again = browser().submit(link, "/sign-in/reset",
                Map.of("token", token, "newPassword", "someone-elses-choice", "confirmPassword", "someone-elses-choice"));
        assertThat(again).contains("error=");
        assertThat(browser().signInWithPassword(SignInBrowser.consoleAuthorization("v"), email, "someone-elses-choice"))
                .contains("/login?error");
    }

    @Test
    void aTooShortPasswordOnTheResetPageIsRefusedAndTheLinkStillWorks() throws Exception {
        UUID accountId = openAccount("desk-" + UUID.randomUUID() + "@hospital.test");
        String token = issuedByAdministratorByMail(accountId);
        String link = "/sign-in/reset?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);

        String refused = browser().submit(link, "/sign-in/reset", Map.of("token", token, "newPassword", "short", "confirmPassword", "short"));
        assertThat(browser().get(refused.substring(refused.indexOf("/sign-in/"))).body()).contains("The password must have 12 to 128 characters");

        String changed = browser().submit(link, "/sign-in/reset",
                Map.of("token", token, "newPassword", "long-enough-passphrase", "confirmPassword", "long-enough-passphrase"));
        assertThat(changed).endsWith("&done");
    }

    @Test
    void aNewAccountIsMailedAConfirmationLinkThatConfirmsTheAddressOnce() throws Exception {
        UUID accountId = openAccount("nurse-" + UUID.randomUUID() + "@hospital.test");
        String token = mailedToken(accountId, "CONFIRM_EMAIL");
        String link = "/sign-in/confirm?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);

        // Opening the link changes nothing (mail scanners open links); the button does
        assertThat(browser().get(link).body()).contains("Confirm your e-mail address");
        assertThat(emailConfirmed(accountId)).isFalse();
        String confirmed = browser().submit(link, "/sign-in/confirm", Map.of("token", token));
        assertThat(confirmed).endsWith("&done");
        assertThat(emailConfirmed(accountId)).isTrue();
        assertThat(browser().submit(link, "/sign-in/confirm", Map.of("token", token))).contains("error=");
    }

    @Test
    void aMalformedAddressOnTheForgotPageIsRefusedWithAMessage() throws Exception {
        String refused = browser().submit("/sign-in/forgot", Map.of("email", "not an address"));
        assertThat(refused).contains("/sign-in/forgot?error=");
        assertThat(browser().get(refused.substring(refused.indexOf("/sign-in/"))).body()).contains("That is not an e-mail address");
        Api.Reply api400 = api.anonymous().post("/password-reset-mails", Map.of("email", "not an address"));
        assertThat(api400.status()).isEqualTo(400);
        assertThat(api400.body().path("errors").get(0).path("field").asText()).isEqualTo("email");
    }

    private String issuedByAdministratorByMail(UUID accountId) {
        Api.Reply mailed = api.as(api.callers().bootstrap())
                .post("/staff-accounts/" + accountId + "/tokens", Map.of("purpose", "RESET_PASSWORD", "delivery", "EMAIL"));
        assertThat(mailed.status()).isEqualTo(202);
        return mailedToken(accountId, "RESET_PASSWORD");
    }

    private UUID openAccount(String email) {
        Clinic clinic = Clinic.open(api);
        Api.Reply opened = api.as(api.callers().bootstrap()).post("/staff-accounts", Map.of("email", email, "displayName", "Desk",
                "initialPassword", "initial-passphrase-1", "hospitalId", clinic.hospitalId, "roles", List.of("RECEPTIONIST")));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        return UUID.fromString(opened.text("accountId"));
    }

    private List<String> linkEvents(UUID accountId, String purpose) {
        return jdbc.sql("""
                        SELECT payload::text FROM outbox
                        WHERE aggregateid = :account AND type = :type AND payload->>'purpose' = :purpose ORDER BY created_at
                        """).param("account", accountId.toString()).param("type", AccountLinkIssued.TYPE).param("purpose", purpose)
                .query(String.class).list();
    }

    /** Reads the newest link's token as the notifier would: sealed in the outbox event. */
    private String mailedToken(UUID accountId, String purpose) {
        List<String> events = linkEvents(accountId, purpose);
        assertThat(events).as(purpose + " link events").isNotEmpty();
        try {
            AccountLinkIssued event = JsonSerde.MAPPER.readValue(events.get(events.size() - 1), AccountLinkIssued.class);
            return OneTimeCodeSeal.withKey(OTP_MESSAGE_KEY).unseal(event.sealedToken(), accountId);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private boolean emailConfirmed(UUID accountId) {
        return jdbc.sql("SELECT email_confirmed_at IS NOT NULL FROM staff_accounts WHERE account_id = :id")
                .param("id", accountId).query(Boolean.class).single();
    }

    private SignInBrowser browser() {
        return new SignInBrowser(rest.getRootUri());
    }
}
