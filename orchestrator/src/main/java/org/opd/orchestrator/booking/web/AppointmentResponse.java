package org.opd.orchestrator.booking.web;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.opd.orchestrator.booking.Appointment;
import org.opd.orchestrator.time.LocalTimes;

/**
 * Times carry the hospital's offset.
 *
 * @param holdExpiresAt while SCHEDULED: when the unpaid hold lapses
 * @param paymentUrl    a paid booking's Razorpay link; null for a free one
 * @param tokenId       the ONLINE token the appointment became on its day; null before
 */
record AppointmentResponse(
        UUID appointmentId,
        UUID doctorId,
        UUID patientId,
        OffsetDateTime startTime,
        OffsetDateTime endTime,
        long durationMinutes,
        String appointmentType,
        String status,
        String reason,
        OffsetDateTime holdExpiresAt,
        String cancelReason,
        String paymentUrl,
        UUID tokenId) {

    static AppointmentResponse of(Appointment a) {
        return new AppointmentResponse(a.appointmentId(), a.doctorId(), a.patientId(), LocalTimes.at(a.startsAt(), a.zone()),
                LocalTimes.at(a.endsAt(), a.zone()), Duration.between(a.startsAt(), a.endsAt()).toMinutes(),
                a.type().name(), a.status().name(), a.reason(), LocalTimes.at(a.holdExpiresAt(), a.zone()), a.cancelReason(),
                a.paymentUrl(), a.tokenId());
    }
}
