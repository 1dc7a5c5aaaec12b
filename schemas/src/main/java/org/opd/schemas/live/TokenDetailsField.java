package org.opd.schemas.live;

import java.util.List;

/** The fields of a {@link LiveStateKeys#tokenDetails token's details hash}. */
public enum TokenDetailsField {
    TOKEN_NUMBER("tokenNumber"),
    STATUS("status"),
    PRIORITY("priority"),
    DOCTOR_ID("doctorId"),
    VERSION("version"),
    /**
     * When the token's latest event occurred, in epoch microseconds: a snapshot with an older one
     * leaves the details alone (the token has moved to another doctor's line since).
     */
    EVENT_AT("eventAt"),
    /** Present only while the token is in line. */
    POSITION("position"),
    /** Present only while the token is in line. */
    ETA_MINUTES_P50("etaMinutesP50"),
    /** Present only while the token is in line. */
    ETA_MINUTES_P90("etaMinutesP90");

    /** The fields a token has only while it waits in line, removed when it leaves the line. */
    public static final List<TokenDetailsField> IN_LINE_ONLY = List.of(POSITION, ETA_MINUTES_P50, ETA_MINUTES_P90);

    private final String field;

    TokenDetailsField(String field) {
        this.field = field;
    }

    /** The hash field's name in Redis. */
    public String field() {
        return field;
    }

    public static String[] names(List<TokenDetailsField> fields) {
        return fields.stream().map(TokenDetailsField::field).toArray(String[]::new);
    }
}
