package org.opd.orchestrator.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Where a conversation stands: the question it waits on, what was chosen so far, and which answers
 * that question offered (any other answer gets the question again). Immutable; each answer makes a new one.
 *
 * @param page    which page of a long list the question shows (lists hold ten rows)
 * @param offered the choice ids the last question offered
 */
public record ConversationState(Step step, Language language, UUID patientId, List<UUID> patientIds, String specialtySlug,
                                UUID doctorId, LocalDate day, Instant slotStart, UUID appointmentId, int page,
                                List<String> offered) {

    public ConversationState {
        patientIds = patientIds == null ? List.of() : List.copyOf(patientIds);
        offered = offered == null ? List.of() : List.copyOf(offered);
    }

    public static ConversationState first() {
        return new ConversationState(Step.LANGUAGE, null, null, List.of(), null, null, null, null, null, 0, List.of());
    }

    /** Asking {@code next}, from its first page, offering nothing yet. */
    public ConversationState at(Step next) {
        return new ConversationState(next, language, patientId, patientIds, specialtySlug, doctorId, day, slotStart,
                appointmentId, 0, List.of());
    }

    public ConversationState onPage(int newPage) {
        return new ConversationState(step, language, patientId, patientIds, specialtySlug, doctorId, day, slotStart,
                appointmentId, newPage, offered);
    }

    public ConversationState offering(List<String> ids) {
        return new ConversationState(step, language, patientId, patientIds, specialtySlug, doctorId, day, slotStart,
                appointmentId, page, ids);
    }

    public ConversationState speaking(Language chosen) {
        return new ConversationState(step, chosen, patientId, patientIds, specialtySlug, doctorId, day, slotStart,
                appointmentId, page, offered);
    }

    public ConversationState signedIn(List<UUID> registered) {
        return new ConversationState(step, language, registered.size() == 1 ? registered.get(0) : null, registered,
                specialtySlug, doctorId, day, slotStart, appointmentId, page, offered);
    }

    public ConversationState bookingFor(UUID patient) {
        return new ConversationState(step, language, patient, patientIds, specialtySlug, doctorId, day, slotStart,
                appointmentId, page, offered);
    }

    public ConversationState withSpecialty(String slug) {
        return new ConversationState(step, language, patientId, patientIds, slug, null, null, null, null, page, offered);
    }

    public ConversationState withDoctor(UUID doctor) {
        return new ConversationState(step, language, patientId, patientIds, specialtySlug, doctor, null, null, null, page, offered);
    }

    public ConversationState withDay(LocalDate chosen) {
        return new ConversationState(step, language, patientId, patientIds, specialtySlug, doctorId, chosen, null, null, page, offered);
    }

    public ConversationState withSlot(Instant start) {
        return new ConversationState(step, language, patientId, patientIds, specialtySlug, doctorId, day, start, null, page, offered);
    }

    public ConversationState withAppointment(UUID appointment) {
        return new ConversationState(step, language, patientId, patientIds, specialtySlug, doctorId, day, slotStart,
                appointment, page, offered);
    }

    public boolean offers(String choiceId) {
        return offered.contains(choiceId);
    }
}
