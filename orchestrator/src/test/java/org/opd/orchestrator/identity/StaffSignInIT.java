package org.opd.orchestrator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.SignInBrowser;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Staff sign in as the console does: the authorization code flow with PKCE, Spring Security's
 * login form, a new password at the first sign-in, TOTP for administrators, then tokens (and a
 * refresh token for the confidential console). A browser is played by an HTTP client with
 * cookies that follows no redirect by itself.
 */
class StaffSignInIT extends OrchestratorIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theBootstrapAdministratorChangesThePasswordEnrolsTotpAndGetsTokens() throws Exception {
        // Given the console's sign-in, begun as a browser would
        SignInBrowser browser = browser();
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String afterPassword = browser.signInWithPassword(SignInBrowser.consoleAuthorization(verifier), ADMIN_EMAIL, ADMIN_PASSWORD);

        // Then a new password is asked for first, and after it a TOTP secret
        assertThat(afterPassword).endsWith("/sign-in/password");
        String afterNewPassword = browser.submit("/sign-in/password",
                Map.of("newPassword", "fresh-keeper-passphrase", "confirmPassword", "fresh-keeper-passphrase"));
        assertThat(afterNewPassword).endsWith("/sign-in/totp/enroll");
        String enrolPage = browser.get("/sign-in/totp/enroll").body();
        Matcher secretMatch = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(enrolPage);
        assertThat(secretMatch.find()).isTrue();
        String secret = secretMatch.group(1);

        // When the code of the authenticator app is entered
        Instant enrolledAt = Instant.now();
        String back = browser.submit("/sign-in/totp/enroll", Map.of("code", totp(secret, enrolledAt)));

        // Then the browser goes on to the authorization request, which answers with a code for the console
        assertThat(back).contains("/oauth2/authorize");
        String redirect = browser.get(back.substring(back.indexOf("/oauth2/"))).headers().firstValue("Location").orElseThrow();
        assertThat(redirect).startsWith(CONSOLE_REDIRECT).contains("state=st-1");
        String code = query(redirect).get("code");

        // And the code with the PKCE verifier gives an access token (STAFF, ADMIN) and a refresh token
        JsonNode tokens = tokenRequest("grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(CONSOLE_REDIRECT)
                + "&code_verifier=" + enc(verifier));
        JsonNode claims = payload(tokens.path("access_token").asText());
        assertThat(claims.path("principal_type").asText()).isEqualTo("STAFF");
        assertThat(claims.path("roles")).extracting(JsonNode::asText).containsExactly("ADMIN");
        assertThat(claims.has("email")).isFalse();
        assertThat(api.as(tokens.path("access_token").asText()).get("/hospitals").status()).isEqualTo(200);
        JsonNode refreshed = tokenRequest("grant_type=refresh_token&refresh_token=" + enc(tokens.path("refresh_token").asText()));
        assertThat(api.as(refreshed.path("access_token").asText()).get("/hospitals").status()).isEqualTo(200);

        // And a later sign-in asks for the password and a code of a later time step, not for a new password
        SignInBrowser later = browser();
        String next = later.signInWithPassword(SignInBrowser.consoleAuthorization(verifier), ADMIN_EMAIL, "fresh-keeper-passphrase");
        assertThat(next).endsWith("/sign-in/totp");
        // (the enrolment's own step: a 30 s boundary may have passed since, which must not make the test pass or fail)
        String reused = later.submit("/sign-in/totp", Map.of("code", totp(secret, enrolledAt)));
        assertThat(reused).contains("/sign-in/totp?error");
        String done = later.submit("/sign-in/totp", Map.of("code", totp(secret, enrolledAt.plusSeconds(30))));
        assertThat(done).contains("/oauth2/authorize");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountSoThatTheRightOneIsRefusedToo() throws Exception {
        // Given a receptionist's account
        Clinic clinic = Clinic.open(api);
        String email = "desk-" + UUID.randomUUID() + "@hospital.test";
        assertThat(api.as(api.callers().bootstrap()).post("/staff-accounts", Map.of("email", email, "displayName", "Desk",
                "initialPassword", "initial-passphrase-1", "hospitalId", clinic.hospitalId, "roles", List.of("RECEPTIONIST")))
                .status()).isEqualTo(201);

        // When five wrong passwords are typed
        for (int i = 0; i < 5; i++) {
            assertThat(browser().signInWithPassword(SignInBrowser.consoleAuthorization("v"), email, "wrong-passphrase-" + i)).contains("/login?error");
        }

        // Then the right password is refused as well, and the account is locked for a while
        assertThat(browser().signInWithPassword(SignInBrowser.consoleAuthorization("v"), email, "initial-passphrase-1")).contains("/login?error");
        assertThat(jdbc.sql("SELECT locked_until > now() FROM staff_accounts WHERE lower(email) = lower(:e)").param("e", email)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aReceptionistChangesTheFirstPasswordAndNeedsNoSecondFactor() throws Exception {
        Clinic clinic = Clinic.open(api);
        String email = "desk-" + UUID.randomUUID() + "@hospital.test";
        api.as(api.callers().bootstrap()).post("/staff-accounts", Map.of("email", email, "displayName", "Desk",
                "initialPassword", "initial-passphrase-1", "hospitalId", clinic.hospitalId, "roles", List.of("RECEPTIONIST")));
        SignInBrowser browser = browser();
        String verifier = UUID.randomUUID().toString() + UUID.randomUUID();

        assertThat(browser.signInWithPassword(SignInBrowser.consoleAuthorization(verifier), email, "initial-passphrase-1")).endsWith("/sign-in/password");
        String back = browser.submit("/sign-in/password", Map.of("newPassword", "my-own-passphrase", "confirmPassword", "my-own-passphrase"));
        String redirect = browser.get(back.substring(back.indexOf("/oauth2/"))).headers().firstValue("Location").orElseThrow();
        JsonNode tokens = tokenRequest("grant_type=authorization_code&code=" + enc(query(redirect).get("code"))
                + "&redirect_uri=" + enc(CONSOLE_REDIRECT) + "&code_verifier=" + enc(verifier));

        JsonNode claims = payload(tokens.path("access_token").asText());
        assertThat(claims.path("roles")).extracting(JsonNode::asText).containsExactly("RECEPTIONIST");
        assertThat(claims.path("hospital_id").asText()).isEqualTo(clinic.hospitalId);

        // And once an administrator disables the account, its token is refused at once
        Api desk = api.as(tokens.path("access_token").asText());
        assertThat(desk.get("/hospitals/" + clinic.hospitalId + "/patients").status()).isEqualTo(200);
        api.as(api.callers().bootstrap()).post("/staff-accounts/" + claims.path("sub").asText() + "/disable");
        assertThat(desk.get("/hospitals/" + clinic.hospitalId + "/patients").status()).isEqualTo(401);
    }

    private JsonNode tokenRequest(String form) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(rest.getRootUri() + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("opd-console:" + CONSOLE_SECRET).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String totp(String secret, Instant at) throws Exception {
        TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator();
        return String.format("%06d", generator.generateOneTimePassword(
                new SecretKeySpec(new Base32().decode(secret), generator.getAlgorithm()), at));
    }

    private static JsonNode payload(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static Map<String, String> query(String url) {
        return java.util.Arrays.stream(URI.create(url).getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private SignInBrowser browser() {
        return new SignInBrowser(rest.getRootUri());
    }
}
