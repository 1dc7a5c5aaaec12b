package org.opd.schemas.status;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.opd.schemas.secret.SharedKeys;

/**
 * The unguessable link of a token's patient status page: the notifier puts it into the patient's
 * messages, the orchestrator opens it. A link is base64url(token id ‖ the first 16 bytes of
 * HMAC-SHA256(key, token id)) under a key both services get from the environment
 * ({@code OPD_STATUS_LINK_KEY}, base64 of 32 random bytes): without the key nobody makes a link for a
 * token id, and one altered character makes it no link at all.
 *
 * <p>The page's address takes the link after {@code #}, so loading the page does not send it, nor do referrers.
 * Plain JDK; thread-safe (a {@link Mac} is made per call). Failures never quote the input.
 */
public final class StatusLinks {

    /** Where the status page is served; the link follows the {@code #}. */
    public static final String PAGE_PATH = "/screens/status.html";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int TOKEN_ID_BYTES = 16;
    private static final int MAC_BYTES = 16;

    private final SecretKeySpec key;

    private StatusLinks(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** @param base64Key standard base64 of exactly 32 bytes */
    public static StatusLinks withKey(String base64Key) {
        return new StatusLinks(SharedKeys.decode(base64Key, "status link key", "OPD_STATUS_LINK_KEY"));
    }

    /**
     * Links of another kind of record under a key of their own, derived from this one for {@code purpose}:
     * one key in the environment serves both services, and a link made for one purpose opens nothing of another.
     */
    public StatusLinks derived(String purpose) {
        return new StatusLinks(mac(purpose.getBytes(StandardCharsets.UTF_8)));
    }

    /** A new random key in the form {@link #withKey} takes. */
    public static String newKey() {
        return SharedKeys.newKey();
    }

    /** The link of a token, as the status page's address takes it after {@code #}. */
    public String linkOf(UUID tokenId) {
        byte[] id = bytes(tokenId);
        byte[] link = Arrays.copyOf(id, TOKEN_ID_BYTES + MAC_BYTES);
        System.arraycopy(mac(id), 0, link, TOKEN_ID_BYTES, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(link);
    }

    /** The status page of a token under the public base address of the orchestrator, e.g. {@code https://opd.hospital.example}. */
    public URI pageOf(URI baseUrl, UUID tokenId) {
        return URI.create(baseUrl.toString().replaceAll("/+$", "") + PAGE_PATH + "#" + linkOf(tokenId));
    }

    /** Whether the text has a link's form (43 base64url characters); a link of that form may still be forged. */
    public static boolean wellFormed(String link) {
        return link != null && link.matches("[A-Za-z0-9_-]{43}");
    }

    /** The token a link was made for under this key; empty for a forged or altered one. */
    public Optional<UUID> tokenOf(String link) {
        if (!wellFormed(link)) {
            return Optional.empty();
        }
        byte[] decoded = Base64.getUrlDecoder().decode(link);
        byte[] id = Arrays.copyOf(decoded, TOKEN_ID_BYTES);
        byte[] expected = Arrays.copyOf(mac(id), MAC_BYTES);
        // Constant time, so the answer's timing does not tell how much of a guess was right.
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(decoded, TOKEN_ID_BYTES, decoded.length))) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(id);
        return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
    }

    private byte[] mac(byte[] tokenId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(tokenId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make a status link: " + e.getClass().getSimpleName(), e);
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(TOKEN_ID_BYTES).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
