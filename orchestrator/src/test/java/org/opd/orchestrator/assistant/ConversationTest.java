package org.opd.orchestrator.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.assistant.Answer.Chosen;
import org.opd.orchestrator.assistant.Answer.Typed;
import org.opd.orchestrator.assistant.Prompt.Buttons;
import org.opd.orchestrator.assistant.Prompt.Choice;
import org.opd.orchestrator.assistant.Prompt.Menu;
import org.opd.orchestrator.booking.Appointment;
import org.opd.orchestrator.booking.AppointmentStatus;
import org.opd.orchestrator.booking.AppointmentType;
import org.opd.orchestrator.booking.AvailableSlot;
import org.opd.orchestrator.booking.BookingFee;
import org.opd.orchestrator.booking.SlotTakenException;
import org.opd.orchestrator.directory.DirectoryEntry;
import org.opd.orchestrator.specialty.Specialty;
import org.opd.orchestrator.status.PatientStatus;

/** The conversation as a state machine, over a desk whose answers each test sets. */
class ConversationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    /** Monday 7 December 2026, 08:00 in Bengaluru. */
    private static final Instant NOW = LocalDate.of(2026, 12, 7).atTime(8, 0).atZone(ZONE).toInstant();
    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 8);
    private static final String PHONE = "+919812345678";
    private static final String RIGHT_CODE = "123456";

    private final FakeDesk desk = new FakeDesk();
    private final Conversation conversation = new Conversation(desk, new Texts(), 7, Duration.ofMinutes(15));
    private final Chat chat = new Chat(UUID.randomUUID(), UUID.randomUUID(), PHONE, ZONE, NOW);

    @Test
    void startsByAskingTheLanguageInBoth() {
        Turn first = conversation.start(chat);

        assertThat(first.state().step()).isEqualTo(Step.LANGUAGE);
        Buttons question = (Buttons) last(first);
        assertThat(question.choices()).extracting(Choice::id).containsExactly("lang:EN", "lang:HI");
        assertThat(question.body()).contains("Please choose a language").contains("कृपया भाषा चुनें");
    }

    @Test
    void choosingALanguageSendsTheCodeToThePhoneAndAsksForItInThatLanguage() {
        Turn asked = answer(conversation.start(chat), new Chosen("lang:HI"));

        assertThat(desk.codesSentTo).containsExactly(PHONE);
        assertThat(asked.state().step()).isEqualTo(Step.CODE);
        assertThat(asked.state().language()).isEqualTo(Language.HI);
        assertThat(last(asked).body()).contains("6 अंकों का साइन-इन कोड");
    }

    @Test
    void aWrongCodeIsAskedForAgainAndTheRightOneOpensTheMenu() {
        Turn asked = answer(conversation.start(chat), new Chosen("lang:EN"));

        Turn wrong = answer(asked, new Typed("654321"));
        Turn right = answer(wrong, new Typed(" " + RIGHT_CODE + " "));

        assertThat(wrong.state().step()).isEqualTo(Step.CODE);
        assertThat(last(wrong).body()).startsWith("That code did not work");
        assertThat(right.state().step()).isEqualTo(Step.MENU);
        assertThat(right.state().patientId()).isEqualTo(desk.patient);
        assertThat(((Buttons) last(right)).choices()).extracting(Choice::id).containsExactly("menu:book", "menu:queue");
    }

    @Test
    void aPhoneOfSeveralPatientsAsksWhomToBookFor() {
        UUID child = UUID.randomUUID();
        desk.registered = List.of(desk.patient, child);
        desk.names.put(child, "Anu Iyer");

        Turn asked = answer(answer(conversation.start(chat), new Chosen("lang:EN")), new Typed(RIGHT_CODE));
        Turn chosen = answer(asked, new Chosen("patient:" + child));

        assertThat(asked.state().step()).isEqualTo(Step.PATIENT);
        assertThat(((Menu) last(asked)).choices()).extracting(Choice::title).containsExactly("Meera Iyer", "Anu Iyer");
        assertThat(chosen.state().step()).isEqualTo(Step.MENU);
        assertThat(chosen.state().patientId()).isEqualTo(child);
    }

    @Test
    void anAnswerTheQuestionDidNotOfferGetsTheSameQuestionAgain() {
        Turn specialty = answer(signedIn(), new Chosen("menu:book"));

        Turn typed = answer(specialty, new Typed("cardio please"));
        Turn oldButton = answer(typed, new Chosen("menu:queue"));
        Turn picture = answer(oldButton, new Answer.Unreadable());

        for (Turn again : List.of(typed, oldButton, picture)) {
            assertThat(again.state().step()).isEqualTo(Step.SPECIALTY);
            assertThat(again.prompts().get(0).body()).startsWith("Sorry, I did not understand that");
            assertThat(last(again)).isEqualTo(last(specialty));
        }
    }

    @Test
    void aFreeBookingGoesFromSpecialtyToConfirmation() {
        Turn specialty = answer(signedIn(), new Chosen("menu:book"));
        assertThat(((Menu) last(specialty)).choices()).extracting(Choice::id, Choice::title)
                .containsExactly(tuple("specialty:cardiology", "Cardiology"));

        Turn doctor = answer(specialty, new Chosen("specialty:cardiology"));
        Menu doctors = (Menu) last(doctor);
        assertThat(doctors.choices()).extracting(Choice::id).containsExactly("doctor:" + desk.doctor);
        assertThat(doctors.choices().get(0).description()).isEqualTo("Next free: Tue 8 Dec, 09:00");

        Turn day = answer(doctor, new Chosen("doctor:" + desk.doctor));
        assertThat(((Menu) last(day)).choices()).extracting(Choice::id, Choice::description)
                .containsExactly(tuple("day:2026-12-08", "3 free slots"));

        Turn slot = answer(day, new Chosen("day:2026-12-08"));
        Menu times = (Menu) last(slot);
        assertThat(times.choices()).extracting(Choice::title).containsExactly("09:00", "09:15", "09:30");
        assertThat(times.choices().get(0).description()).isEqualTo("until 09:15");

        Turn confirm = answer(slot, new Chosen(times.choices().get(1).id()));
        assertThat(last(confirm).body()).contains("Dr. Asha Rao").contains("Tue 8 Dec, 09:15").contains("Free consultation");

        Turn booked = answer(confirm, new Chosen("confirm:yes"));

        assertThat(desk.booked).containsExactly(slotAt("09:15"));
        assertThat(booked.booked()).isNotNull();
        assertThat(booked.prompts().get(0).body()).startsWith("Your appointment is confirmed").contains("Tue 8 Dec, 09:15");
        assertThat(booked.state().step()).isEqualTo(Step.MENU);
    }

    @Test
    void aPaidBookingSendsThePaymentLinkAndIsBookedOnceThePaymentArrived() {
        desk.fee = Optional.of(new BookingFee(50_000, "INR"));
        Turn confirm = toConfirmation("09:00");
        assertThat(last(confirm).body()).contains("₹500.00");

        Turn payment = answer(confirm, new Chosen("confirm:yes"));
        assertThat(payment.state().step()).isEqualTo(Step.PAYMENT);
        assertThat(payment.booked()).isNull();
        assertThat(last(payment).body()).contains("https://rzp.io/i/pay").contains("15 minutes");

        Turn notYet = answer(payment, new Chosen("paid:paid"));
        assertThat(notYet.state().step()).isEqualTo(Step.PAYMENT);
        assertThat(last(notYet).body()).startsWith("We have not received the payment yet");

        desk.paid();
        Turn paid = answer(notYet, new Chosen("paid:paid"));
        assertThat(paid.booked()).isEqualTo(payment.state().appointmentId());
        assertThat(paid.prompts().get(0).body()).startsWith("Your appointment is confirmed");
        assertThat(paid.state().step()).isEqualTo(Step.MENU);
    }

    @Test
    void aHoldLetGoUnpaidAsksForATimeAgain() {
        desk.fee = Optional.of(new BookingFee(50_000, "INR"));
        Turn payment = answer(toConfirmation("09:00"), new Chosen("confirm:yes"));
        desk.lapse();

        Turn lapsed = answer(payment, new Chosen("paid:paid"));

        assertThat(lapsed.state().step()).isEqualTo(Step.SLOT);
        assertThat(lapsed.state().appointmentId()).isNull();
        assertThat(lapsed.prompts().get(0).body()).startsWith("The time was not paid for in time");
    }

    @Test
    void aTimeTakenMeanwhileOffersTheTimesStillFree() {
        Turn confirm = toConfirmation("09:30");
        desk.takeNext = true;

        Turn taken = answer(confirm, new Chosen("confirm:yes"));

        assertThat(taken.state().step()).isEqualTo(Step.SLOT);
        assertThat(taken.prompts().get(0).body()).startsWith("Sorry, that time was just booked");
        assertThat(taken.booked()).isNull();
    }

    @Test
    void aLongListIsPagedNineRowsAndMore() {
        desk.slots = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            desk.slots.add(slotAt("09:00").plus(15L * i, ChronoUnit.MINUTES));
        }
        Turn slot = answer(answer(answer(answer(signedIn(), new Chosen("menu:book")), new Chosen("specialty:cardiology")),
                new Chosen("doctor:" + desk.doctor)), new Chosen("day:2026-12-08"));

        Menu first = (Menu) last(slot);
        Menu second = (Menu) last(answer(slot, new Chosen("more")));

        assertThat(first.choices()).hasSize(10);
        assertThat(first.choices().get(9).id()).isEqualTo("more");
        assertThat(first.choices().get(0).title()).isEqualTo("09:00");
        assertThat(second.choices()).extracting(Choice::title).containsExactly("11:15", "11:30", "11:45");
    }

    @Test
    void noFreeDoctorOfTheSpecialtyAsksForAnotherSpecialty() {
        Turn specialty = answer(signedIn(), new Chosen("menu:book"));
        desk.noDoctorFree = true;

        Turn none = answer(specialty, new Chosen("specialty:cardiology"));

        assertThat(none.state().step()).isEqualTo(Step.SPECIALTY);
        assertThat(none.prompts().get(0).body()).startsWith("No doctor of this specialty").contains("next 7 days");
    }

    @Test
    void noFreeSlotAtAllIsSaidAtOnceAndTheMenuShown() {
        desk.slots = List.of();

        Turn none = answer(signedIn(), new Chosen("menu:book"));

        assertThat(none.state().step()).isEqualTo(Step.MENU);
        assertThat(none.prompts().get(0).body()).isEqualTo("No doctor has a free slot in the next 7 days. Please call the hospital.");
    }

    @Test
    void thePlaceInTodaysQueueComesFromTheStatusOfTheToken() {
        desk.visit = Optional.of(new PatientStatus("CARD-007", "WAITING", "Dr. Asha Rao", "Cardiology", null, 3, 25, 40, null, false));

        Turn queue = answer(signedIn(), new Chosen("menu:queue"));

        assertThat(queue.prompts().get(0).body())
                .isEqualTo("Token CARD-007 with Dr. Asha Rao (Cardiology): you are number 3 in the queue, about 25 to 40 minutes.");
        assertThat(queue.state().step()).isEqualTo(Step.MENU);
    }

    @Test
    void withoutATokenTodayThePatientIsToldSo() {
        Turn queue = answer(signedIn(), new Chosen("menu:queue"));

        assertThat(queue.prompts().get(0).body()).isEqualTo("You have no visit in the queue today.");
    }

    @Test
    void aRestartAfterTheSessionEndedSaysSoPolitely() {
        Turn menu = answer(answer(conversation.start(chat), new Chosen("lang:HI")), new Typed(RIGHT_CODE));

        Turn restarted = conversation.restart(chat, menu.state());

        assertThat(restarted.prompts()).hasSize(2);
        assertThat(restarted.prompts().get(0).body()).contains("फिर से शुरू");
        assertThat(restarted.state().step()).isEqualTo(Step.LANGUAGE);
        assertThat(restarted.booked()).isNull();
    }

    @Test
    void aSessionThatEndedWaitingForAPaymentMadeSinceTellsTheBookingIsConfirmed() {
        desk.fee = Optional.of(new BookingFee(50_000, "INR"));
        Turn payment = answer(toConfirmation("09:00"), new Chosen("confirm:yes"));
        desk.paid();

        Turn restarted = conversation.restart(chat, payment.state());

        assertThat(restarted.prompts().get(0).body()).startsWith("Your appointment is confirmed");
        assertThat(restarted.prompts().get(1).body()).startsWith("Your earlier conversation ended");
        assertThat(restarted.booked()).isEqualTo(payment.state().appointmentId());
        assertThat(restarted.state().step()).isEqualTo(Step.LANGUAGE);
    }

    private Turn signedIn() {
        return answer(answer(conversation.start(chat), new Chosen("lang:EN")), new Typed(RIGHT_CODE));
    }

    private Turn toConfirmation(String time) {
        Turn slot = answer(answer(answer(answer(signedIn(), new Chosen("menu:book")), new Chosen("specialty:cardiology")),
                new Chosen("doctor:" + desk.doctor)), new Chosen("day:2026-12-08"));
        return answer(slot, new Chosen("slot:" + slotAt(time).getEpochSecond()));
    }

    private Turn answer(Turn previous, Answer answer) {
        return conversation.answer(chat, previous.state(), answer);
    }

    private static Prompt last(Turn turn) {
        return turn.prompts().get(turn.prompts().size() - 1);
    }

    private static Instant slotAt(String time) {
        return TUESDAY.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant();
    }

    /** The system's answers as a test sets them; it records what the conversation asked it to do. */
    private static final class FakeDesk implements Desk {

        final UUID patient = UUID.randomUUID();
        final UUID doctor = UUID.randomUUID();
        final Map<UUID, String> names = new HashMap<>(Map.of(patient, "Meera Iyer"));
        final List<String> codesSentTo = new ArrayList<>();
        final List<Instant> booked = new ArrayList<>();
        List<UUID> registered = List.of(patient);
        List<Instant> slots = new ArrayList<>(List.of(slotAt("09:00"), slotAt("09:15"), slotAt("09:30")));
        Optional<BookingFee> fee = Optional.empty();
        Optional<PatientStatus> visit = Optional.empty();
        boolean takeNext;
        boolean noDoctorFree;
        Appointment appointment;

        @Override
        public List<Specialty> specialtiesWithFreeSlots(UUID hospitalId, int days) {
            return slots.isEmpty() ? List.of() : List.of(new Specialty(UUID.randomUUID(), "cardiology", "Cardiology", "हृदय रोग", null));
        }

        @Override
        public List<DirectoryEntry> doctorsWithFreeSlots(UUID hospitalId, String specialtySlug, int days) {
            if (slots.isEmpty() || noDoctorFree) {
                return List.of();
            }
            var next = new DirectoryEntry.NextSlot(slots.get(0).atZone(ZONE).toOffsetDateTime(),
                    slots.get(0).plus(15, ChronoUnit.MINUTES).atZone(ZONE).toOffsetDateTime(), UUID.randomUUID());
            return List.of(new DirectoryEntry(doctor, "Dr. Asha Rao", null, UUID.randomUUID(), "Cardiology", next));
        }

        @Override
        public List<AvailableSlot> freeSlots(UUID doctorId, LocalDate from, LocalDate to) {
            Function<Instant, AvailableSlot> slot = start -> new AvailableSlot(start, start.plus(15, ChronoUnit.MINUTES), null, ZONE);
            return slots.stream().filter(s -> !LocalDate.ofInstant(s, ZONE).isBefore(from) && !LocalDate.ofInstant(s, ZONE).isAfter(to))
                    .map(slot).toList();
        }

        @Override
        public String doctorName(UUID doctorId) {
            return "Dr. Asha Rao";
        }

        @Override
        public Optional<BookingFee> fee(UUID doctorId) {
            return fee;
        }

        @Override
        public Appointment book(UUID doctorId, UUID patientId, Instant start, UUID sessionId) {
            if (takeNext) {
                throw new SlotTakenException();
            }
            booked.add(start);
            boolean paid = fee.isPresent();
            appointment = new Appointment(UUID.randomUUID(), doctorId, patientId, start, start.plus(15, ChronoUnit.MINUTES),
                    AppointmentType.CONSULTATION, paid ? AppointmentStatus.SCHEDULED : AppointmentStatus.CONFIRMED, null,
                    paid ? NOW.plus(15, ChronoUnit.MINUTES) : null, null, paid ? "https://rzp.io/i/pay" : null, null, ZONE);
            return appointment;
        }

        void paid() {
            appointment = appointment.confirm();
        }

        void lapse() {
            appointment = appointment.cancel(Appointment.HOLD_EXPIRED);
        }

        @Override
        public Appointment appointment(UUID appointmentId) {
            return appointment;
        }

        @Override
        public void cancel(UUID appointmentId) {
            appointment = appointment.cancel("Cancelled");
        }

        @Override
        public boolean sendCode(UUID hospitalId, String phone, UUID sessionId) {
            codesSentTo.add(phone);
            return true;
        }

        @Override
        public List<UUID> verifyCode(UUID hospitalId, String phone, String code) {
            return code.equals(RIGHT_CODE) ? registered : List.of();
        }

        @Override
        public String patientName(UUID patientId) {
            return names.get(patientId);
        }

        @Override
        public Optional<PatientStatus> todaysVisit(UUID hospitalId, UUID patientId) {
            return visit;
        }
    }
}
