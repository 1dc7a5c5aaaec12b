package org.opd.orchestrator.assistant;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.opd.orchestrator.assistant.Answer.Chosen;
import org.opd.orchestrator.assistant.Answer.Typed;
import org.opd.orchestrator.assistant.Prompt.Buttons;
import org.opd.orchestrator.assistant.Prompt.Choice;
import org.opd.orchestrator.assistant.Prompt.Menu;
import org.opd.orchestrator.assistant.Prompt.Text;
import org.opd.orchestrator.booking.Appointment;
import org.opd.orchestrator.booking.AppointmentStatus;
import org.opd.orchestrator.booking.AvailableSlot;
import org.opd.orchestrator.booking.BookingFee;
import org.opd.orchestrator.booking.SlotTakenException;
import org.opd.orchestrator.directory.DirectoryEntry;
import org.opd.orchestrator.error.ProblemException;
import org.opd.orchestrator.specialty.Specialty;
import org.opd.orchestrator.status.PatientStatus;

/**
 * The guided booking conversation, one answer at a time: language, the phone's sign-in code, (whom for),
 * the menu, specialty, doctor, day, time, confirmation, payment — or the patient's place in today's queue.
 * Each question offers its answers as WhatsApp buttons or list rows; an answer it did not offer (an old
 * button, typed text) gets the same question again. Every fact shown comes from the {@link Desk}.
 */
public final class Conversation {

    static final String MORE = "more";
    private static final Pattern CODE = Pattern.compile("\\d{6}");

    private final Desk desk;
    private final Texts texts;
    private final int daysAhead;
    private final Duration holdFor;

    /**
     * @param daysAhead how many days from today the doctors' free slots are offered
     * @param holdFor   how long a paid booking's hold lasts, told to the patient with the payment link
     */
    public Conversation(Desk desk, Texts texts, int daysAhead, Duration holdFor) {
        this.desk = desk;
        this.texts = texts;
        this.daysAhead = daysAhead;
        this.holdFor = holdFor;
    }

    /** A new conversation: the first question. */
    public Turn start(Chat chat) {
        return ask(chat, ConversationState.first(), List.of());
    }

    /**
     * A new conversation after one that ended by time, told so in the language it spoke. One that ended
     * waiting for a payment which has come since is told the booking is confirmed: the patient paid and
     * came back later than the session lasts.
     */
    public Turn restart(Chat chat, ConversationState ended) {
        List<Prompt> before = new ArrayList<>();
        UUID booked = null;
        if (ended.step() == Step.PAYMENT) {
            Appointment appointment = desk.appointment(ended.appointmentId());
            if (appointment.status() == AppointmentStatus.CONFIRMED) {
                before.add(bookedText(chat, ended, appointment));
                booked = appointment.appointmentId();
            }
        }
        before.add(new Text(say(ended, "session.over")));
        Turn turn = ask(chat, ConversationState.first(), before);
        return new Turn(turn.state(), turn.prompts(), booked);
    }

    public Turn answer(Chat chat, ConversationState state, Answer answer) {
        if (answer instanceof Chosen chosen && state.offers(chosen.id())) {
            return chosen.id().equals(MORE) ? ask(chat, state.onPage(state.page() + 1), List.of()) : chose(chat, state, chosen.id());
        }
        if (answer instanceof Typed typed && state.step() == Step.CODE && CODE.matcher(typed.text().strip()).matches()) {
            return verify(chat, state, typed.text().strip());
        }
        return ask(chat, state, List.of(new Text(say(state, "repeat"))));
    }

    private Turn chose(Chat chat, ConversationState state, String id) {
        String value = id.substring(id.indexOf(':') + 1);
        return switch (state.step()) {
            case LANGUAGE -> sendCode(chat, state.speaking(Language.valueOf(value)).at(Step.CODE));
            case CODE -> sendCode(chat, state);
            case PATIENT -> ask(chat, state.bookingFor(UUID.fromString(value)).at(Step.MENU), List.of());
            case MENU -> value.equals("queue")
                    ? ask(chat, state.at(Step.MENU), List.of(new Text(queue(chat, state))))
                    : ask(chat, state.at(Step.SPECIALTY), List.of());
            case SPECIALTY -> ask(chat, state.withSpecialty(value).at(Step.DOCTOR), List.of());
            case DOCTOR -> ask(chat, state.withDoctor(UUID.fromString(value)).at(Step.DAY), List.of());
            case DAY -> ask(chat, state.withDay(LocalDate.parse(value)).at(Step.SLOT), List.of());
            case SLOT -> ask(chat, state.withSlot(Instant.ofEpochSecond(Long.parseLong(value))).at(Step.CONFIRM), List.of());
            case CONFIRM -> switch (value) {
                case "yes" -> book(chat, state);
                case "change" -> ask(chat, state.at(Step.SLOT), List.of());
                default -> ask(chat, state.at(Step.MENU), List.of());
            };
            case PAYMENT -> value.equals("paid") ? checkPayment(chat, state) : cancel(chat, state);
        };
    }

    private Turn sendCode(Chat chat, ConversationState state) {
        boolean sent = desk.sendCode(chat.hospitalId(), chat.phone(), chat.sessionId());
        return codeQuestion(state, sent ? "code.sent" : "code.limited");
    }

    private Turn verify(Chat chat, ConversationState state, String code) {
        List<UUID> patients = desk.verifyCode(chat.hospitalId(), chat.phone(), code);
        if (patients.isEmpty()) {
            return codeQuestion(state, "code.wrong");
        }
        ConversationState signedIn = state.signedIn(patients);
        return ask(chat, signedIn.at(signedIn.patientId() != null ? Step.MENU : Step.PATIENT), List.of());
    }

    private Turn codeQuestion(ConversationState state, String key) {
        Choice resend = new Choice("code:resend", say(state, "code.button.resend"));
        return new Turn(state.offering(List.of(resend.id())), List.of(new Buttons(say(state, key), List.of(resend))), null);
    }

    private Turn book(Chat chat, ConversationState state) {
        Appointment appointment;
        try {
            appointment = desk.book(state.doctorId(), state.patientId(), state.slotStart(), chat.sessionId());
        } catch (SlotTakenException e) {
            return ask(chat, state.at(Step.SLOT), List.of(new Text(say(state, "slot.taken"))));
        } catch (ProblemException e) {
            return ask(chat, state.at(Step.SLOT), List.of(new Text(say(state, "slot.refused"))));
        }
        ConversationState booked = state.withAppointment(appointment.appointmentId());
        if (appointment.status() == AppointmentStatus.CONFIRMED) {
            return confirmed(chat, booked, appointment);
        }
        return ask(chat, booked.at(Step.PAYMENT), List.of());
    }

    private Turn checkPayment(Chat chat, ConversationState state) {
        Appointment appointment = desk.appointment(state.appointmentId());
        if (appointment.status() == AppointmentStatus.CONFIRMED) {
            return confirmed(chat, state, appointment);
        }
        if (appointment.status() == AppointmentStatus.SCHEDULED
                && (appointment.holdExpiresAt() == null || appointment.holdExpiresAt().isAfter(chat.now()))) {
            return paymentQuestion(state, say(state, "payment.pending", appointment.paymentUrl()));
        }
        // The lapsed hold is forgotten (withDay clears the slot and appointment); the day stays chosen.
        return ask(chat, state.withDay(state.day()).at(Step.SLOT), List.of(new Text(say(state, "payment.lapsed"))));
    }

    private Turn cancel(Chat chat, ConversationState state) {
        desk.cancel(state.appointmentId());
        return ask(chat, state.at(Step.MENU), List.of(new Text(say(state, "cancelled"))));
    }

    private Turn confirmed(Chat chat, ConversationState state, Appointment appointment) {
        Turn menu = ask(chat, state.at(Step.MENU), List.of(bookedText(chat, state, appointment)));
        return new Turn(menu.state(), menu.prompts(), appointment.appointmentId());
    }

    private Text bookedText(Chat chat, ConversationState state, Appointment appointment) {
        String reference = appointment.appointmentId().toString().substring(0, 8).toUpperCase();
        return new Text(say(state, "booked", desk.doctorName(appointment.doctorId()), formats(state, chat).when(appointment.startsAt()),
                reference));
    }

    /** The question of the state's step, after {@code before}; a step with nothing to offer falls back to the one before it. */
    private Turn ask(Chat chat, ConversationState state, List<Prompt> before) {
        return switch (state.step()) {
            case LANGUAGE -> question(state, before, new Buttons(texts.of(Language.EN, "welcome"), List.of(
                    new Choice("lang:EN", texts.of(Language.EN, "welcome.button.en")),
                    new Choice("lang:HI", texts.of(Language.EN, "welcome.button.hi")))));
            case CODE -> codeQuestion(state, "code.sent").withBefore(before);
            case PATIENT -> list(state, before, say(state, "patient.ask"), "patient.button", state.patientIds().stream()
                    .map(id -> new Choice("patient:" + id, desk.patientName(id))).toList());
            case MENU -> question(state, before, new Buttons(say(state, "menu.ask"), List.of(
                    new Choice("menu:book", say(state, "menu.button.book")),
                    new Choice("menu:queue", say(state, "menu.button.queue")))));
            case SPECIALTY -> specialties(chat, state, before);
            case DOCTOR -> doctors(chat, state, before);
            case DAY -> days(chat, state, before);
            case SLOT -> slots(chat, state, before);
            case CONFIRM -> question(state, before, new Buttons(say(state, "confirm.ask", desk.doctorName(state.doctorId()),
                    formats(state, chat).when(state.slotStart()), feeLine(state, desk.fee(state.doctorId()), chat)), List.of(
                    new Choice("confirm:yes", say(state, "confirm.button.yes")),
                    new Choice("confirm:change", say(state, "confirm.button.change")),
                    new Choice("confirm:restart", say(state, "confirm.button.restart")))));
            case PAYMENT -> {
                Appointment held = desk.appointment(state.appointmentId());
                String fee = desk.fee(held.doctorId()).map(formats(state, chat)::money).orElse("");
                yield paymentQuestion(state, say(state, "payment.ask", fee, holdFor.toMinutes(), held.paymentUrl())).withBefore(before);
            }
        };
    }

    private Turn paymentQuestion(ConversationState state, String body) {
        List<Choice> choices = List.of(new Choice("paid:paid", say(state, "payment.button.paid")),
                new Choice("paid:cancel", say(state, "payment.button.cancel")));
        return new Turn(state.offering(choices.stream().map(Choice::id).toList()), List.of(new Buttons(body, choices)), null);
    }

    private Turn specialties(Chat chat, ConversationState state, List<Prompt> before) {
        List<Specialty> all = desk.specialtiesWithFreeSlots(chat.hospitalId(), daysAhead);
        if (all.isEmpty()) {
            return ask(chat, state.at(Step.MENU), with(before, say(state, "specialty.none", daysAhead)));
        }
        return list(state, before, say(state, "specialty.ask"), "specialty.button", all.stream()
                .map(s -> new Choice("specialty:" + s.slug(), formats(state, chat).name(s)))
                .toList());
    }

    private Turn doctors(Chat chat, ConversationState state, List<Prompt> before) {
        List<DirectoryEntry> found = desk.doctorsWithFreeSlots(chat.hospitalId(), state.specialtySlug(), daysAhead);
        if (found.isEmpty()) {
            return ask(chat, state.at(Step.SPECIALTY), with(before, say(state, "doctor.none", daysAhead)));
        }
        return list(state, before, say(state, "doctor.ask"), "doctor.button", found.stream()
                .map(d -> new Choice("doctor:" + d.doctorId(), d.name(),
                        say(state, "doctor.next", formats(state, chat).when(d.nextAvailable().startTime().toInstant()))))
                .toList());
    }

    private Turn days(Chat chat, ConversationState state, List<Prompt> before) {
        LocalDate today = LocalDate.ofInstant(chat.now(), chat.zone());
        Map<LocalDate, Integer> freePerDay = new LinkedHashMap<>();
        for (AvailableSlot slot : desk.freeSlots(state.doctorId(), today, today.plusDays(daysAhead - 1L))) {
            freePerDay.merge(LocalDate.ofInstant(slot.start(), chat.zone()), 1, Integer::sum);
        }
        if (freePerDay.isEmpty()) {
            return ask(chat, state.at(Step.DOCTOR), with(before, say(state, "day.none", daysAhead)));
        }
        Formats formats = formats(state, chat);
        return list(state, before, say(state, "day.ask"), "day.button", freePerDay.entrySet().stream()
                .map(e -> new Choice("day:" + e.getKey(), formats.day(e.getKey()), say(state, "day.slots", e.getValue())))
                .toList());
    }

    private Turn slots(Chat chat, ConversationState state, List<Prompt> before) {
        List<AvailableSlot> free = desk.freeSlots(state.doctorId(), state.day(), state.day());
        if (free.isEmpty()) {
            return ask(chat, state.at(Step.DAY), with(before, say(state, "slot.none")));
        }
        Formats formats = formats(state, chat);
        List<Choice> choices = free.stream()
                .map(s -> new Choice("slot:" + s.start().getEpochSecond(), formats.time(s.start()),
                        say(state, "slot.until", formats.time(s.end()))))
                .toList();
        return list(state, before, say(state, "slot.ask", formats.day(state.day())), "slot.button", choices);
    }

    /** A list question, paged beyond ten answers ({@link ListPage}). */
    private Turn list(ConversationState state, List<Prompt> before, String body, String button, List<Choice> all) {
        ListPage page = ListPage.of(all, state.page(), new Choice(MORE, say(state, "list.more"), say(state, "list.more.description")));
        return question(state.onPage(page.page()), before, new Menu(body, say(state, button), page.rows()));
    }

    private static Turn question(ConversationState state, List<Prompt> before, Prompt question) {
        List<Choice> choices = question instanceof Buttons buttons ? buttons.choices()
                : question instanceof Menu menu ? menu.choices() : List.of();
        List<String> offered = choices.stream().map(Choice::id).toList();
        List<Prompt> prompts = new ArrayList<>(before);
        prompts.add(question);
        return new Turn(state.offering(offered), prompts, null);
    }

    private String queue(Chat chat, ConversationState state) {
        Optional<PatientStatus> visit = desk.todaysVisit(chat.hospitalId(), state.patientId());
        if (visit.isEmpty()) {
            return say(state, "queue.none");
        }
        PatientStatus status = visit.get();
        String where;
        if (status.ended()) {
            where = say(state, "queue.ended");
        } else if (status.cabinNumber() != null) {
            where = say(state, "queue.called", status.cabinNumber());
        } else if (status.queuePosition() != null && status.etaMinutesP50() != null && status.etaMinutesP90() != null) {
            where = say(state, "queue.position", status.queuePosition(), status.etaMinutesP50(), status.etaMinutesP90());
        } else {
            where = say(state, "queue.position.unknown");
        }
        return say(state, "queue.status", status.tokenNumber(), status.doctorName(), status.departmentName(), where);
    }

    private String feeLine(ConversationState state, Optional<BookingFee> fee, Chat chat) {
        return fee.map(f -> say(state, "confirm.fee", formats(state, chat).money(f))).orElseGet(() -> say(state, "confirm.free"));
    }

    private static List<Prompt> with(List<Prompt> before, String text) {
        List<Prompt> prompts = new ArrayList<>(before);
        prompts.add(new Text(text));
        return prompts;
    }

    private static Formats formats(ConversationState state, Chat chat) {
        return new Formats(state.language(), chat.zone());
    }

    /** English until a language is chosen. */
    private String say(ConversationState state, String key, Object... args) {
        return texts.of(state.language() == null ? Language.EN : state.language(), key, args);
    }
}
