package org.opd.orchestrator.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The sign-in pages' forms as a browser posts them: cookies kept, CSRF token taken from the page, redirects shown rather than followed. */
public final class SignInBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final String rootUri;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public SignInBrowser(String rootUri) {
        this.rootUri = rootUri;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(rootUri + path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Starts at the authorization request, is sent to the login form, and posts it; @return where it is sent next */
    public String signInWithPassword(String authorize, String email, String password) throws Exception {
        HttpResponse<String> start = get(authorize);
        assertThat(start.headers().firstValue("Location").orElse("")).endsWith("/login");
        return submit("/login", Map.of("username", email, "password", password));
    }

    /** Posts the form of the page at {@code path} to the same path; @return the redirect's location */
    public String submit(String path, Map<String, String> fields) throws Exception {
        return submit(path, path, fields);
    }

    /** Posts the form of the page at {@code page} to {@code action} with its CSRF token; @return the redirect's location */
    public String submit(String page, String action, Map<String, String> fields) throws Exception {
        Matcher csrf = CSRF.matcher(get(page).body());
        assertThat(csrf.find()).as("a CSRF token on " + page).isTrue();
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2));
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(rootUri + action))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(action + " answered " + response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** The console's authorization request (code flow with PKCE, state {@code st-1}) for the verifier. */
    public static String consoleAuthorization(String verifier) throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        return "/oauth2/authorize?response_type=code&client_id=opd-console&scope=openid&state=st-1&redirect_uri="
                + enc(OrchestratorIntegrationTest.CONSOLE_REDIRECT) + "&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
