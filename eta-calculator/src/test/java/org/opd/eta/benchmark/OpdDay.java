package org.opd.eta.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;

import org.opd.schemas.doctor.DoctorEvent;
import org.opd.schemas.doctor.DoctorEventType;
import org.opd.schemas.doctor.PlannedBreak;
import org.opd.schemas.token.BookingType;
import org.opd.schemas.token.TokenEvent;
import org.opd.schemas.token.TokenEventType;
import org.opd.schemas.token.TokenStatus;

/**
 * A simulated OPD morning of {@link OpdStaff}, the ground truth the ETAs are measured against: doctors
 * whose real consultation times are log-normal and differ from their configured averages (and a little
 * from one day to the next), walk-ins through the morning (given to the department's doctor with the
 * shortest line), online bookings with a doctor (some never come, some are seniors or emergencies),
 * seniors and emergencies who go ahead, patients who give up waiting, one doctor 40 minutes late, three
 * doctors with a break planned in their shift (one of these breaks runs well over), and one doctor who
 * takes an unplanned break that runs over.
 * Each doctor calls the next patient (priority, then check-in) as soon as free; the call and walk-in
 * take a short log-normal gap, well under the configured 5-minute buffer.
 *
 * <p>{@link #events()} is everything the orchestrator would publish, in time order; {@link #waits()}
 * what really happened to every patient who was seen. Day {@code n} is {@code n - 1} days after
 * {@link #FIRST_DAY}, so consecutive days replay as one hospital's weeks.
 */
final class OpdDay {

    /** 08:00 of the first simulated day; doctors' shifts run 09:00–13:00. */
    static final Instant FIRST_DAY = Instant.parse("2026-03-02T08:00:00Z");
    /** How much a doctor's median consultation time moves from one day to the next (log-space). */
    private static final double DAY_TO_DAY_SIGMA = 0.1;

    /** Late starts beyond this are "very late": nothing published before the start says so. */
    private static final Duration VERY_LATE = Duration.ofMinutes(10);

    /**
     * What happened during a patient's wait that nothing published by their check-in told: the doctor
     * started very late after it, or began a break that was not planned (announced only as it started).
     */
    enum Unforeseen { NOTHING, LATE_START, BREAK }

    /** How long a planned break is planned to last. */
    private static final Duration PLANNED_BREAK = Duration.ofMinutes(15);

    /** One event as published: key doctor id. */
    record Timed(Instant at, String doctorKey, Object event) {
    }

    /** A doctor on this day: their pace today, how late they start, and their breaks in time order. */
    private record OnDuty(OpdStaff.Doctor doctor, double medianMinutes, Duration lateness, List<DeskBreak> breaks) {

        List<PlannedBreak> plannedBreaks() {
            return breaks.stream().filter(DeskBreak::planned).map(b -> new PlannedBreak(b.at(), b.at().plus(b.announced()))).toList();
        }
    }

    /**
     * A break: due at {@code at}, taken once the doctor is free, announced (and if planned, planned) to
     * last {@code announced}, really lasting {@code real}.
     */
    private record DeskBreak(Instant at, Duration announced, Duration real, boolean planned) {
    }

    private static final class Patient {
        final UUID tokenId = UUID.randomUUID();
        final UUID patientId = UUID.randomUUID();
        String number;
        int priority;
        BookingType booking;
        Instant issuedAt;
        Instant scheduled;
        Instant checkIn; // null: never came
        Instant giveUpAt; // null: waits whatever it takes
        Instant called;
        Instant started;
        Instant ended;
        Instant leftAt;
    }

    private final OpdStaff staff;
    private final Instant start;
    private final Instant shiftStart;
    private final Instant shiftEnd;
    /** The shift end the doctor events announce: the real one, or later to see how much the ETAs depend on it. */
    private final Instant announcedShiftEnd;
    private final Instant lastWalkIn;
    private final SplittableRandom random;
    private final List<Timed> events = new ArrayList<>();
    private final Map<UUID, Duration> waits = new HashMap<>();
    private final Map<UUID, Unforeseen> unforeseen = new HashMap<>();
    private final Map<UUID, Integer> numbers = new HashMap<>();
    private final Map<UUID, Integer> priorities = new HashMap<>();
    private final Map<UUID, OpdStaff.Pace> paces = new HashMap<>();

    private OpdDay(OpdStaff staff, int dayNumber, Duration announcedEndLater) {
        this.staff = staff;
        this.start = FIRST_DAY.plus(Duration.ofDays(dayNumber - 1L));
        this.shiftStart = start.plus(Duration.ofHours(1));
        this.shiftEnd = start.plus(Duration.ofHours(5));
        this.announcedShiftEnd = shiftEnd.plus(announcedEndLater);
        this.lastWalkIn = start.plus(Duration.ofMinutes(4 * 60 + 15));
        this.random = new SplittableRandom(staff.seed() * 1_000 + dayNumber);
    }

    /** Day {@code dayNumber} (1, 2, …) of the staff's hospital. */
    static OpdDay simulate(OpdStaff staff, int dayNumber) {
        return simulate(staff, dayNumber, Duration.ZERO);
    }

    /** The same day with the shift announced to end {@code announcedEndLater} after it really does (the same patients come). */
    static OpdDay simulate(OpdStaff staff, int dayNumber, Duration announcedEndLater) {
        OpdDay day = new OpdDay(staff, dayNumber, announcedEndLater);
        day.run();
        return day;
    }

    /** 08:00 of this day, before anything happens. */
    Instant start() {
        return start;
    }

    List<Timed> events() {
        return events;
    }

    /** Token id → from check-in to consultation start, for every patient who was seen. */
    Map<UUID, Duration> waits() {
        return waits;
    }

    /** Token id → what the patient's check-in could not tell, for every patient who was seen. */
    Unforeseen unforeseen(UUID tokenId) {
        return unforeseen.getOrDefault(tokenId, Unforeseen.NOTHING);
    }

    /** Priority (1 normal, 2 senior, 3 emergency) of every patient who was seen. */
    int priority(UUID tokenId) {
        return priorities.get(tokenId);
    }

    /** The pace group of the doctor who saw the patient. */
    OpdStaff.Pace pace(UUID tokenId) {
        return paces.get(tokenId);
    }

    private void run() {
        List<OpdStaff.Doctor> doctors = staff.doctors();
        List<Integer> order = new ArrayList<>(IntStream.range(0, doctors.size()).boxed().toList());
        for (int i = order.size() - 1; i > 0; i--) {
            Collections.swap(order, i, random.nextInt(i + 1));
        }
        // Drawn in turn: who starts late, who takes an unplanned break, who has a planned one (the first of those runs well over).
        int late = order.get(0);
        int unplannedBreak = order.get(1);
        List<Integer> plannedBreak = order.subList(2, 5);
        for (OpdStaff.Department dept : staff.departments()) {
            List<OnDuty> onDuty = new ArrayList<>();
            for (OpdStaff.Doctor doctor : staff.doctorsOf(dept)) {
                int index = doctors.indexOf(doctor);
                double medianToday = doctor.realMedianMinutes() * Math.exp(DAY_TO_DAY_SIGMA * random.nextGaussian());
                Duration lateness = index == late ? Duration.ofMinutes(40) : Duration.ofMinutes(random.nextInt(6));
                List<DeskBreak> breaks = new ArrayList<>();
                int planned = plannedBreak.indexOf(index);
                if (planned >= 0) {
                    Duration overrun = minutes(planned == 0 ? 8 + 7 * random.nextDouble() : 3 * random.nextDouble());
                    breaks.add(new DeskBreak(start.plus(Duration.ofMinutes(planned == 2 ? 180 : 150)), PLANNED_BREAK,
                            PLANNED_BREAK.plus(overrun), true));
                }
                if (index == unplannedBreak) {
                    breaks.add(new DeskBreak(start.plus(Duration.ofMinutes(150)), Duration.ofMinutes(15), Duration.ofMinutes(22), false));
                }
                onDuty.add(new OnDuty(doctor, medianToday, lateness, breaks));
            }
            simulate(onDuty);
        }
        events.sort(Comparator.comparing(Timed::at));
    }

    /** A doctor's working state while the department's morning is simulated. */
    private final class Desk {
        final OnDuty duty;
        final List<Patient> patients = new ArrayList<>();
        final Instant actualStart;
        Instant freeAt;
        int breaksTaken;
        Instant unplannedBreakStartedAt;

        Desk(OnDuty duty) {
            this.duty = duty;
            this.actualStart = shiftStart.plus(duty.lateness());
            this.freeAt = actualStart;
        }

        long inLine(Instant t) {
            return patients.stream().filter(p -> p.checkIn != null && !p.checkIn.isAfter(t) && p.called == null
                    && (p.giveUpAt == null || p.giveUpAt.isAfter(t))).count();
        }
    }

    /**
     * One department's morning in 15-second steps: walk-ins and emergencies go to the doctor with the
     * fewest patients in line (as reception assigns them), bookings are with a doctor from the start,
     * and each doctor calls the next patient (priority, then check-in) as soon as free.
     */
    private void simulate(List<OnDuty> onDuty) {
        List<Desk> desks = onDuty.stream().map(Desk::new).toList();
        for (Desk desk : desks) {
            desk.patients.addAll(bookings());
            doctorEvent(desk.duty, DoctorEventType.SHIFT_SCHEDULED, start, null, null, null);
            doctorEvent(desk.duty, DoctorEventType.SHIFT_STARTED, desk.actualStart, desk.actualStart, null, null);
        }
        List<Patient> arrivals = walkIns(onDuty.get(0).doctor().dept(), desks.size());
        Duration step = Duration.ofSeconds(15);
        int next = 0;
        for (Instant t = start; ; t = t.plus(step)) {
            while (next < arrivals.size() && !arrivals.get(next).checkIn.isAfter(t)) {
                Patient patient = arrivals.get(next++);
                Instant at = patient.checkIn;
                desks.stream().min(Comparator.comparingLong((Desk desk) -> desk.inLine(at))).orElseThrow().patients.add(patient);
            }
            boolean anyone = next < arrivals.size();
            for (Desk desk : desks) {
                anyone |= serve(desk, t);
            }
            if (!anyone) {
                break;
            }
        }
        for (Desk desk : desks) {
            finish(desk);
        }
    }

    /** Lets the doctor take the break or call the next patient if free at {@code t}; false once nobody is left to see. */
    private boolean serve(Desk desk, Instant t) {
        if (desk.freeAt.isAfter(t)) {
            return true;
        }
        if (desk.breaksTaken < desk.duty.breaks().size() && !t.isBefore(desk.duty.breaks().get(desk.breaksTaken).at())) {
            DeskBreak due = desk.duty.breaks().get(desk.breaksTaken++);
            Instant breakStart = desk.freeAt.isAfter(due.at()) ? desk.freeAt : due.at();
            if (!due.planned()) {
                desk.unplannedBreakStartedAt = breakStart;
            }
            doctorEvent(desk.duty, DoctorEventType.BREAK_STARTED, breakStart, desk.actualStart, null, breakStart.plus(due.announced()));
            desk.freeAt = breakStart.plus(due.real());
            doctorEvent(desk.duty, DoctorEventType.BREAK_ENDED, desk.freeAt, desk.actualStart, null, null);
            return true;
        }
        Patient chosen = desk.patients.stream()
                .filter(p -> p.checkIn != null && !p.checkIn.isAfter(t) && p.called == null && (p.giveUpAt == null || p.giveUpAt.isAfter(t)))
                .min(Comparator.comparing((Patient p) -> -p.priority).thenComparing(p -> p.checkIn))
                .orElse(null);
        if (chosen == null) {
            return desk.patients.stream().anyMatch(p -> p.checkIn != null && p.checkIn.isAfter(t));
        }
        chosen.called = desk.freeAt.isAfter(chosen.checkIn) ? desk.freeAt : chosen.checkIn;
        chosen.started = chosen.called.plus(minutes(Math.exp(Math.log(1.5) + 0.5 * random.nextGaussian())));
        chosen.ended = chosen.started.plus(minutes(Math.exp(Math.log(desk.duty.medianMinutes())
                + desk.duty.doctor().sigma() * random.nextGaussian())));
        desk.freeAt = chosen.ended;
        return true;
    }

    private void finish(Desk desk) {
        OpdStaff.Doctor doctor = desk.duty.doctor();
        List<Patient> patients = desk.patients;
        patients.sort(Comparator.comparing(p -> p.issuedAt));
        for (Patient patient : patients) {
            int number = numbers.merge(doctor.dept().id(), 1, Integer::sum);
            patient.number = "%s-%03d".formatted(doctor.dept().code(), number);
            token(doctor, patient, TokenEventType.TOKEN_ISSUED, patient.issuedAt, null, TokenStatus.BOOKED);
        }
        Instant end = desk.freeAt.isAfter(shiftEnd) ? desk.freeAt : shiftEnd;
        doctorEvent(desk.duty, DoctorEventType.SHIFT_ENDED, end, desk.actualStart, end, null);

        for (Patient patient : patients) {
            if (patient.checkIn == null) {
                // A booking nobody came for is marked a no-show half an hour after its slot.
                token(doctor, patient, TokenEventType.TOKEN_MARKED_NO_SHOW, patient.scheduled.plus(Duration.ofMinutes(30)),
                        TokenStatus.BOOKED, TokenStatus.NO_SHOW);
                continue;
            }
            token(doctor, patient, TokenEventType.TOKEN_CHECKED_IN, patient.checkIn, TokenStatus.BOOKED, TokenStatus.CHECKED_IN);
            if (patient.called == null) {
                patient.leftAt = patient.giveUpAt;
                token(doctor, patient, TokenEventType.TOKEN_MARKED_NO_SHOW, patient.giveUpAt, TokenStatus.CHECKED_IN, TokenStatus.NO_SHOW);
                continue;
            }
            token(doctor, patient, TokenEventType.TOKEN_CALLED, patient.called, TokenStatus.CHECKED_IN, TokenStatus.WAITING);
            token(doctor, patient, TokenEventType.CONSULTATION_STARTED, patient.started, TokenStatus.WAITING, TokenStatus.IN_CONSULTATION);
            token(doctor, patient, TokenEventType.TOKEN_COMPLETED, patient.ended, TokenStatus.IN_CONSULTATION, TokenStatus.COMPLETED);
            waits.put(patient.tokenId, Duration.between(patient.checkIn, patient.started));
            priorities.put(patient.tokenId, patient.priority);
            paces.put(patient.tokenId, doctor.pace());
            if (desk.duty.lateness().compareTo(VERY_LATE) > 0 && patient.checkIn.isBefore(desk.actualStart)) {
                unforeseen.put(patient.tokenId, Unforeseen.LATE_START);
            } else if (desk.unplannedBreakStartedAt != null && !desk.unplannedBreakStartedAt.isBefore(patient.checkIn)
                    && desk.unplannedBreakStartedAt.isBefore(patient.started)) {
                unforeseen.put(patient.tokenId, Unforeseen.BREAK);
            }
        }
    }

    /** Walk-ins (15 % seniors) from 08:30 to 12:15 and emergencies during the shift, for the whole department. */
    private List<Patient> walkIns(OpdStaff.Department dept, int doctors) {
        List<Patient> patients = new ArrayList<>();
        // About 60 % of the pace the configured average allows; with the bookings and emergencies each
        // department's doctors are busy about 75 to 90 % of the morning.
        double perMinute = doctors * 0.6 / (dept.avgMinutes() + 2);
        Instant t = start.plus(Duration.ofMinutes(30));
        while (true) {
            t = t.plus(minutes(random.nextExponential() / perMinute));
            if (t.isAfter(lastWalkIn)) {
                break;
            }
            patients.add(walkIn(t, random.nextDouble() < 0.15 ? 2 : 1));
        }
        // Emergencies: about one every three hours per doctor.
        t = shiftStart;
        while (true) {
            t = t.plus(minutes(random.nextExponential() * 180 / doctors));
            if (t.isAfter(lastWalkIn)) {
                break;
            }
            patients.add(walkIn(t, 3));
        }
        patients.sort(Comparator.comparing(p -> p.checkIn));
        for (Patient patient : patients) {
            if (patient.priority < 3 && random.nextDouble() < 0.04) {
                patient.giveUpAt = patient.checkIn.plus(minutes(20 + random.nextDouble() * 60));
            }
        }
        return patients;
    }

    /**
     * Online bookings with one doctor: a slot every 45 minutes until an hour before the shift ends, one in
     * five a senior and one in ten an emergency; one in eight never comes, the others arrive up to 20 minutes early.
     */
    private List<Patient> bookings() {
        List<Patient> patients = new ArrayList<>();
        for (Instant slot = shiftStart; slot.isBefore(shiftEnd.minus(Duration.ofMinutes(60))); slot = slot.plus(Duration.ofMinutes(45))) {
            Patient patient = new Patient();
            double kind = random.nextDouble();
            patient.priority = kind < 0.2 ? 2 : kind < 0.3 ? 3 : 1;
            patient.booking = BookingType.ONLINE;
            patient.issuedAt = start;
            patient.scheduled = slot;
            patient.checkIn = random.nextDouble() < 0.125 ? null : slot.minus(minutes(random.nextDouble() * 20));
            if (patient.checkIn != null && random.nextDouble() < 0.04) {
                patient.giveUpAt = patient.checkIn.plus(minutes(20 + random.nextDouble() * 60));
            }
            patients.add(patient);
        }
        return patients;
    }

    private Patient walkIn(Instant at, int priority) {
        Patient patient = new Patient();
        patient.priority = priority;
        patient.booking = priority == 3 ? BookingType.EMERGENCY : BookingType.WALK_IN;
        patient.issuedAt = at;
        patient.checkIn = at;
        return patient;
    }

    private void token(OpdStaff.Doctor doctor, Patient patient, TokenEventType type, Instant at, TokenStatus previous, TokenStatus next) {
        boolean calledYet = patient.called != null && !at.isBefore(patient.called);
        boolean startedYet = patient.started != null && !at.isBefore(patient.started);
        TokenEvent event = new TokenEvent(TokenEvent.SCHEMA_VERSION, UUID.randomUUID(), type, at, patient.tokenId, patient.number,
                patient.patientId, doctor.id(), doctor.dept().id(), staff.hospitalId(), null, previous, next, patient.priority,
                patient.booking, patient.scheduled,
                patient.checkIn != null && !at.isBefore(patient.checkIn) ? patient.checkIn : null,
                calledYet ? patient.called : null,
                startedYet ? patient.started : null,
                next == TokenStatus.COMPLETED ? patient.ended : null,
                doctor.configuredAvg(), doctor.dept().bufferMinutes());
        events.add(new Timed(at, doctor.id().toString(), event));
    }

    private void doctorEvent(OnDuty duty, DoctorEventType type, Instant at, Instant actualStart, Instant actualEnd, Instant breakEndsAt) {
        OpdStaff.Doctor doctor = duty.doctor();
        events.add(new Timed(at, doctor.id().toString(), new DoctorEvent(DoctorEvent.SCHEMA_VERSION, UUID.randomUUID(), type, at,
                doctor.id(), doctor.dept().id(), staff.hospitalId(), null, null, shiftStart.atZone(ZoneOffset.UTC).toLocalDate(),
                shiftStart, announcedShiftEnd, actualStart, actualEnd, breakEndsAt, doctor.configuredAvg(), doctor.dept().bufferMinutes(),
                duty.plannedBreaks())));
    }

    private static Duration minutes(double minutes) {
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }
}
