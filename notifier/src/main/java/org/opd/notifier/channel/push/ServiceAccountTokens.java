package org.opd.notifier.channel.push;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.opd.notifier.channel.ProviderHttp;
import org.opd.notifier.channel.SendException;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.client.http.HttpResponseException;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;

/**
 * Access tokens of a Google service account, from Google's own auth library: it signs the JWT bearer grant
 * (RFC 7523) with the account's key, exchanges it at the key file's {@code token_uri} for a token with the
 * {@code firebase.messaging} scope, keeps it and fetches the next one minutes before it expires (its own
 * margins; 5xx and I/O failures of the token endpoint are retried there a few times with back-off).
 */
final class ServiceAccountTokens implements AccessTokens {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

    private static final String PROVIDER = "Google OAuth";

    private final GoogleCredentials credentials;

    private ServiceAccountTokens(GoogleCredentials credentials) {
        this.credentials = credentials;
    }

    /** Reads the JSON key file the Firebase console hands out. */
    static ServiceAccountTokens fromKeyFile(Path file) {
        try (InputStream key = Files.newInputStream(file)) {
            return new ServiceAccountTokens(ServiceAccountCredentials.fromStream(key).createScoped(List.of(SCOPE)));
        } catch (IOException | RuntimeException e) {
            // The path is configuration, not a secret; the file's content is never quoted.
            throw new IllegalStateException("Cannot read the FCM service account key file " + file, e);
        }
    }

    @Override
    public String current() throws SendException {
        try {
            credentials.refreshIfExpired();
            return credentials.getAccessToken().getTokenValue();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** The token endpoint's refusal as the providers' refusals read (status, its error and description), else no answer. */
    private static SendException failure(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpResponseException refusal) {
                JsonNode error = errorBody(refusal.getContent());
                String code = error.path("error").asText(null);
                String description = error.path("error_description").asText(refusal.getStatusMessage());
                return SendException.refused(refusal.getStatusCode(), code, null, PROVIDER + " answered HTTP "
                        + refusal.getStatusCode() + ": " + description + (code == null ? "" : " (" + PROVIDER + " error " + code + ")"));
            }
        }
        return SendException.noAnswer(PROVIDER + " did not answer the service account's token request: " + e.getClass().getSimpleName(), e);
    }

    private static JsonNode errorBody(String content) {
        try {
            return ProviderHttp.JSON.readTree(content == null ? "{}" : content);
        } catch (IOException notJson) {
            return ProviderHttp.JSON.createObjectNode();
        }
    }
}
