package org.opd.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real OpenID Connect issuer for tests, independent of the services: a loopback HTTP server with
 * its own RSA key, serving its discovery document ({@code /.well-known/openid-configuration}) and
 * its keys ({@code /jwks}), so a service configured to trust {@link #issuer()} finds the keys the way
 * it finds a hospital's Keycloak. Tokens are minted in-process ({@link #token()}), with no sign-in.
 *
 * <pre>{@code
 * try (TestIssuer issuer = TestIssuer.start()) {
 *     // opd.security.trusted-issuers = issuer.issuer()
 *     String operations = issuer.token().roles("OPERATIONS").sign();
 *     String expired = issuer.token().expired().sign();
 *     String forged = issuer.token().signedWithUnknownKey().sign();
 *     String tampered = issuer.token().roles("NURSE").tampered("roles", List.of("ADMIN"));
 * }
 * }</pre>
 *
 * Claim names are those of {@code org.opd.schemas.identity.Claims} (not imported: schemas' own
 * tests use this module).
 */
public final class TestIssuer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    private static final String JWKS_PATH = "/jwks";

    private final RSAKey key;
    /** Same key id and algorithm as {@link #key}, never published: what a forger would sign with. */
    private final RSAKey unknownKey;
    private final HttpServer server;
    private final AtomicInteger discoveryRequests = new AtomicInteger();
    private final AtomicInteger keyRequests = new AtomicInteger();

    private TestIssuer() {
        String keyId = UUID.randomUUID().toString();
        key = rsaKey(keyId);
        unknownKey = rsaKey(keyId);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open a local issuer", e);
        }
        server.createContext(DISCOVERY_PATH, exchange -> {
            try (exchange) {
                discoveryRequests.incrementAndGet();
                respond(exchange, JSON.writeValueAsString(discoveryDocument()));
            }
        });
        server.createContext(JWKS_PATH, exchange -> {
            try (exchange) {
                keyRequests.incrementAndGet();
                respond(exchange, new JWKSet(key).toString(true));
            }
        });
        server.start();
    }

    /** A new issuer on a free loopback port, with a new key. */
    public static TestIssuer start() {
        return new TestIssuer();
    }

    /** The {@code iss} of its tokens and where its discovery document is found: {@code http://127.0.0.1:<port>}. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How often its discovery document was fetched (services fetch it lazily, on the first token). */
    public int discoveryRequests() {
        return discoveryRequests.get();
    }

    /** How often its key set was fetched. */
    public int keyRequests() {
        return keyRequests.get();
    }

    /**
     * A token of this issuer, valid for five minutes from now, of a staff member with a random
     * subject and no roles until told otherwise.
     */
    public Token token() {
        return new Token();
    }

    /** Shortcut: a valid staff token of {@code subject} with these roles. */
    public String token(String subject, String... roles) {
        return token().subject(subject).roles(roles).sign();
    }

    private Map<String, Object> discoveryDocument() {
        String issuer = issuer();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        // Named because OpenID Connect Discovery requires them; tokens are only minted in-process.
        document.put("authorization_endpoint", issuer + "/oauth2/authorize");
        document.put("token_endpoint", issuer + "/oauth2/token");
        document.put("jwks_uri", issuer + JWKS_PATH);
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of(JWSAlgorithm.RS256.getName()));
        document.put("grant_types_supported", List.of("client_credentials"));
        return document;
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The claims of one token, then {@link #sign()} (or {@link #tampered}) for the compact JWT. */
    public final class Token {

        private final Map<String, Object> claims = new LinkedHashMap<>();
        private RSAKey signingKey = key;

        private Token() {
            Instant now = Instant.now();
            claims.put("iss", issuer());
            claims.put("sub", "test-" + UUID.randomUUID());
            claims.put("principal_type", "STAFF");
            issuedAt(now);
            expiresAt(now.plus(Duration.ofMinutes(5)));
        }

        public Token subject(String subject) {
            return claim("sub", subject);
        }

        /** Role names ({@code org.opd.schemas.identity.Role}), or any other string an issuer might send. */
        public Token roles(String... roles) {
            return claim("roles", List.of(roles));
        }

        /** {@code STAFF}, {@code PATIENT}, {@code DEVICE} or {@code CLIENT}. */
        public Token principalType(String type) {
            return claim("principal_type", type);
        }

        public Token hospitalId(UUID hospitalId) {
            return claim("hospital_id", hospitalId == null ? null : hospitalId.toString());
        }

        public Token issuedAt(Instant at) {
            return claim("iat", Date.from(at));
        }

        public Token expiresAt(Instant at) {
            return claim("exp", Date.from(at));
        }

        /** Expired ten minutes ago: past any clock skew a resource server allows (Spring's is 60 s). */
        public Token expired() {
            Instant now = Instant.now();
            return issuedAt(now.minus(Duration.ofMinutes(20))).expiresAt(now.minus(Duration.ofMinutes(10)));
        }

        /** Any other claim (or {@code iss}, {@code aud}, {@code nbf} …); null removes it. */
        public Token claim(String name, Object value) {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value instanceof UUID id ? id.toString() : value);
            }
            return this;
        }

        /** Signed with a key of the same id that this issuer never published: the signature does not verify. */
        public Token signedWithUnknownKey() {
            signingKey = unknownKey;
            return this;
        }

        /** The compact, signed JWT. */
        public String sign() {
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();
            claims.forEach(set::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(signingKey.getKeyID()).type(JOSEObjectType.JWT).build(), set.build());
            try {
                jwt.sign(new RSASSASigner(signingKey));
            } catch (JOSEException e) {
                throw new IllegalStateException("Cannot sign a test token", e);
            }
            return jwt.serialize();
        }

        /**
         * Signed as it is, then its payload changed to carry {@code name = value}, header and
         * signature kept: what a caller editing its own token would send.
         */
        public String tampered(String name, Object value) {
            String[] parts = sign().split("\\.");
            try {
                Map<String, Object> payload = SignedJWT.parse(String.join(".", parts)).getPayload().toJSONObject();
                payload.put(name, value instanceof UUID id ? id.toString() : value);
                parts[1] = Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(JSON.writeValueAsBytes(payload));
            } catch (ParseException | JsonProcessingException e) {
                throw new IllegalStateException("Cannot tamper with a test token", e);
            }
            return String.join(".", parts);
        }
    }
}
