package org.opd.orchestrator.abdm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The facility's answer to one profile share: the body of ABDM's v1.0
 * {@code POST <gateway>/v1.0/patients/profile/on-share} ({@code ShareProfileResult1} in ABDM's HIP
 * specification, ndhm-hip.yml): {@code acknowledgement} with {@code status}, {@code healthId} (the ABHA
 * address) and {@code tokenNumber}; {@code resp.requestId} names the share it answers. {@code context}
 * (the counter) and {@code expiry} (seconds the token number is valid) are the v3 acknowledgement's
 * fields, sent along for the validity ABDM's test case SHARE_PATIENT_PROFILE_701 has the app show. {@code error} is always null: only successes are answered with an
 * on-share, a refused share gets its problem+json at once (typed {@code Object}: Jackson leaves out a
 * {@code Void} property altogether, and ABDM's schema names the field).
 *
 * @param requestId a nonce of this answer; a replayed share gets a new one, with the same token number
 * @param timestamp UTC with milliseconds ({@code yyyy-MM-ddTHH:mm:ss.SSSZ}), as ABDM's TimestampSchema asks
 */
public record OnShare(String requestId, String timestamp, Acknowledgement acknowledgement, Object error, Reference resp) {

    private static final String SUCCESS = "SUCCESS";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public record Acknowledgement(String status, String healthId, String tokenNumber, String context, String expiry) {
    }

    public record Reference(String requestId) {
    }

    static OnShare success(ProfileShare share, String tokenNumber, Duration validity, Instant now) {
        return new OnShare(UUID.randomUUID().toString(), TIMESTAMP.format(now),
                new Acknowledgement(SUCCESS, share.abhaAddress(), tokenNumber, share.counterCode(),
                        String.valueOf(validity.toSeconds())),
                null, new Reference(share.requestId()));
    }
}
