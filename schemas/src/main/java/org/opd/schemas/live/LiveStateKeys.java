package org.opd.schemas.live;

import java.util.UUID;

/**
 * Every Redis key and pub/sub channel of the live state (spec 004's names): the eta-calculator
 * writes them, the orchestrator and the screens read them. As {@code Topics} is for Kafka, this is the one place
 * their names are spelled; Lua scripts receive them as KEYS or, where a script derives a key
 * from a member it reads, as the {@link #TOKEN_DETAILS_PREFIX}/{@link #TOKEN_DETAILS_SUFFIX} pair.
 */
public final class LiveStateKeys {

    public static final String TOKEN_DETAILS_PREFIX = "token:";
    public static final String TOKEN_DETAILS_SUFFIX = ":details";

    /**
     * Pub/sub channel: one {@link LiveQueueChange} (JSON) for each snapshot the projection applied,
     * published in the same script that wrote it, so a subscriber that then reads the keys sees
     * that version or a newer one. Pub/sub is fire-and-forget: a subscriber that was not
     * connected must reload the keys instead of relying on the messages it missed.
     */
    public static final String QUEUE_CHANGES_CHANNEL = "live:queue-changes";

    /**
     * Pub/sub channel: one {@link LiveAlertChange} (JSON) each time an alert of {@code system_alerts}
     * changed, published after the change was committed. Fire-and-forget like the queue changes.
     */
    public static final String ALERT_CHANGES_CHANNEL = "live:alert-changes";

    /** Sorted set of the doctor's waiting token ids, score = position. */
    public static String doctorQueue(UUID doctorId) {
        return "queue:doctor:" + doctorId + ":active";
    }

    /** The version of the doctor's queue snapshot Redis holds; a write of an older one changes nothing. */
    public static String doctorQueueVersion(UUID doctorId) {
        return "queue:doctor:" + doctorId + ":version";
    }

    /** The token id in consultation with the doctor; absent when none. */
    public static String doctorCurrentToken(UUID doctorId) {
        return "doctor:" + doctorId + ":current";
    }

    /** {@code AVAILABLE} | {@code BUSY} | {@code OFFLINE}, with a time to live. */
    public static String doctorStatus(UUID doctorId) {
        return "doctor:" + doctorId + ":status";
    }

    /** Hash of {@link TokenDetailsField}s. */
    public static String tokenDetails(UUID tokenId) {
        return TOKEN_DETAILS_PREFIX + tokenId + TOKEN_DETAILS_SUFFIX;
    }

    /** How many wait in the department: the sum of {@link #departmentInLineByDoctor}. */
    public static String departmentQueueCount(UUID deptId) {
        return "dept:" + deptId + ":queue_count";
    }

    /** Hash doctor id → tokens in that doctor's line, so doctors of one department never overwrite each other's count. */
    public static String departmentInLineByDoctor(UUID deptId) {
        return "dept:" + deptId + ":in_line_by_doctor";
    }

    private LiveStateKeys() {
    }
}
