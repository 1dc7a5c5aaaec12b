package org.opd.schemas.token;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of a token, as published on {@code opd.token-events} (key: doctor id).
 *
 * <p>Carries ids and the timing the queue needs, never a patient's name or phone number.
 * The doctor's configured average consultation time and the department's buffer travel
 * with each event so that queue consumers need no lookup. Changes must stay backward
 * compatible: add fields (nullable, so old events still read), never rename or remove.
 *
 * @param schemaVersion          version of this contract, {@link #SCHEMA_VERSION} when written
 * @param eventId                unique per event; consumers drop duplicates by it
 * @param previousStatus         null for {@link TokenEventType#TOKEN_ISSUED}
 * @param priority               1 normal, 2 senior, 3 emergency
 * @param avgConsultationMinutes the doctor's configured average consultation time
 * @param bufferMinutes          the department's gap between consultations
 * @param fromDoctorId           for a reassignment, the doctor whose line the token left; else null (since version 2)
 * @param toDoctorId             for a reassignment, the doctor whose line the token joined; else null (since version 2)
 * @param expectedWaitMinutes    for a reassignment, the wait the patient is told in the new line; else null (since version 2)
 * @param linePlaceAt            the token's place in its doctor's call order ({@link CallOrder}); null before check-in (since
 *                               version 3; read it through {@link #placeInLine()}, which also serves older events)
 * @param parkedAt               when the token was parked (stepped out of the line); null while it is in line (since version 3)
 */
public record TokenEvent(
        int schemaVersion,
        UUID eventId,
        TokenEventType type,
        Instant occurredAt,
        UUID tokenId,
        String tokenNumber,
        UUID patientId,
        UUID doctorId,
        UUID deptId,
        UUID hospitalId,
        UUID cabinId,
        TokenStatus previousStatus,
        TokenStatus newStatus,
        int priority,
        BookingType bookingType,
        Instant scheduledTime,
        Instant checkInTime,
        Instant calledTime,
        Instant consultationStartTime,
        Instant consultationEndTime,
        int avgConsultationMinutes,
        int bufferMinutes,
        UUID fromDoctorId,
        UUID toDoctorId,
        Integer expectedWaitMinutes,
        Instant linePlaceAt,
        Instant parkedAt) {

    public static final int SCHEMA_VERSION = 3;

    /** An event of the fields of version 2. */
    public TokenEvent(int schemaVersion, UUID eventId, TokenEventType type, Instant occurredAt, UUID tokenId,
                      String tokenNumber, UUID patientId, UUID doctorId, UUID deptId, UUID hospitalId, UUID cabinId,
                      TokenStatus previousStatus, TokenStatus newStatus, int priority, BookingType bookingType,
                      Instant scheduledTime, Instant checkInTime, Instant calledTime, Instant consultationStartTime,
                      Instant consultationEndTime, int avgConsultationMinutes, int bufferMinutes, UUID fromDoctorId,
                      UUID toDoctorId, Integer expectedWaitMinutes) {
        this(schemaVersion, eventId, type, occurredAt, tokenId, tokenNumber, patientId, doctorId, deptId, hospitalId, cabinId,
                previousStatus, newStatus, priority, bookingType, scheduledTime, checkInTime, calledTime,
                consultationStartTime, consultationEndTime, avgConsultationMinutes, bufferMinutes, fromDoctorId, toDoctorId,
                expectedWaitMinutes, null, null);
    }

    /** An event of a change that is no reassignment (the fields of version 1). */
    public TokenEvent(int schemaVersion, UUID eventId, TokenEventType type, Instant occurredAt, UUID tokenId,
                      String tokenNumber, UUID patientId, UUID doctorId, UUID deptId, UUID hospitalId, UUID cabinId,
                      TokenStatus previousStatus, TokenStatus newStatus, int priority, BookingType bookingType,
                      Instant scheduledTime, Instant checkInTime, Instant calledTime, Instant consultationStartTime,
                      Instant consultationEndTime, int avgConsultationMinutes, int bufferMinutes) {
        this(schemaVersion, eventId, type, occurredAt, tokenId, tokenNumber, patientId, doctorId, deptId, hospitalId, cabinId,
                previousStatus, newStatus, priority, bookingType, scheduledTime, checkInTime, calledTime,
                consultationStartTime, consultationEndTime, avgConsultationMinutes, bufferMinutes, null, null, null);
    }

    /**
     * The token's place in the call order. An event without one (written before version 3, when the
     * orchestrator did not keep places) has the place its priority and check-in time give by the
     * default head starts; before check-in there is none.
     */
    public Instant placeInLine() {
        return linePlaceAt != null ? linePlaceAt : PriorityHeadStart.DEFAULTS.placeOf(priority, checkInTime);
    }
}
