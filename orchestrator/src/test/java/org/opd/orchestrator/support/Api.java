package org.opd.orchestrator.support;

import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** The orchestrator's HTTP API as a client sees it: status, content type, headers and JSON body. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate rest;
    private final TestCallers callers;
    /** The bearer token of every call; null: the one the access rules call for ({@link TestCallers#forRequest}); "": none. */
    private final String token;

    public Api(TestRestTemplate rest) {
        this(rest, new TestCallers(rest), null);
    }

    private Api(TestRestTemplate rest, TestCallers callers, String token) {
        this.rest = rest;
        this.callers = callers;
        this.token = token;
    }

    /** The same API called with this access token. */
    public Api as(String accessToken) {
        return new Api(rest, callers, accessToken);
    }

    /** The same API called without an access token. */
    public Api anonymous() {
        return new Api(rest, callers, "");
    }

    public TestCallers callers() {
        return callers;
    }

    public record Reply(int status, MediaType contentType, HttpHeaders headers, JsonNode body) {

        public String text(String field) {
            return body.path(field).asText(null);
        }
    }

    public Reply post(String path, Object body) {
        return exchange(HttpMethod.POST, path, write(body), new HttpHeaders());
    }

    /** A POST with extra headers (Idempotency-Key, If-Match); a null body sends none. */
    public Reply post(String path, Object body, HttpHeaders headers) {
        return exchange(HttpMethod.POST, path, body == null ? null : write(body), headers);
    }

    public Reply put(String path, Object body) {
        return exchange(HttpMethod.PUT, path, write(body), new HttpHeaders());
    }

    /** Headers of one request, as name and value pairs. */
    public static HttpHeaders headers(String... namesAndValues) {
        HttpHeaders headers = new HttpHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    public Reply postRaw(String path, String body) {
        return exchange(HttpMethod.POST, path, body, new HttpHeaders());
    }

    /** A POST of a body exactly as given, with extra headers (a provider's signed webhook). */
    public Reply postRaw(String path, String body, HttpHeaders headers) {
        return exchange(HttpMethod.POST, path, body, headers);
    }

    /** A POST without a body, as a screen button sends it. */
    public Reply post(String path) {
        return exchange(HttpMethod.POST, path, null, new HttpHeaders());
    }

    public Reply delete(String path) {
        return exchange(HttpMethod.DELETE, path, null, new HttpHeaders());
    }

    public Reply get(String path) {
        return exchange(HttpMethod.GET, path, null, new HttpHeaders());
    }

    public Reply get(String path, HttpHeaders headers) {
        return exchange(HttpMethod.GET, path, null, headers);
    }

    /** Creates something and returns the named id, failing unless the API answered 201. */
    public String create(String path, Map<String, ?> body, String idField) {
        Reply reply = post(path, body);
        if (reply.status() != 201) {
            throw new AssertionError("POST " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.text(idField);
    }

    private Reply exchange(HttpMethod method, String path, String body, HttpHeaders extra) {
        HttpHeaders headers = new HttpHeaders();
        String bearer = token != null ? token : callers.forRequest(method, path);
        if (!bearer.isEmpty()) {
            headers.setBearerAuth(bearer);
        }
        headers.addAll(extra);
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        ResponseEntity<String> response = rest.exchange("/api/v1" + path, method, new HttpEntity<>(body, headers), String.class);
        return new Reply(response.getStatusCode().value(), response.getHeaders().getContentType(), response.getHeaders(),
                read(response.getBody()));
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }
}
