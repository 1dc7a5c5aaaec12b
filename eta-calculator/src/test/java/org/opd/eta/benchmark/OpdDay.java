package org.opd.eta.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.opd.schemas.doctor.DoctorEvent;
import org.opd.schemas.doctor.DoctorEventType;
import org.opd.schemas.token.BookingType;
import org.opd.schemas.token.TokenEvent;
import org.opd.schemas.token.TokenEventType;
import org.opd.schemas.token.TokenStatus;

/**
 * A simulated OPD morning, the ground truth the ETAs are measured against: three departments, eight
 * doctors whose real consultation times are log-normal and differ from their configured averages,
 * walk-ins through the morning (given to the department's doctor with the shortest line), online
 * bookings with a doctor (some never come), seniors and emergencies who go ahead, patients who give
 * up waiting, one doctor 40 minutes late and one who takes a break that runs over. Each doctor calls
 * the next patient (priority, then check-in) as soon as free; the call and walk-in take a short
 * log-normal gap, well under the configured 5-minute buffer.
 *
 * <p>{@link #events()} is everything the orchestrator would publish, in time order; {@link #waits()}
 * what really happened to every patient who was seen.
 */
final class OpdDay {

    static final Instant DAY = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant SHIFT_START = DAY.plus(Duration.ofHours(1));
    private static final Instant SHIFT_END = DAY.plus(Duration.ofHours(5));
    private static final Instant LAST_WALK_IN = DAY.plus(Duration.ofMinutes(4 * 60 + 15));

    /** One event as published: key doctor id. */
    record Timed(Instant at, String doctorKey, Object event) {
    }

    private record Department(UUID id, String code, int avgMinutes, int bufferMinutes) {
    }

    /** A doctor as configured, and as they really are. */
    private record Doctor(UUID id, Department dept, int configuredAvg, double realMedianMinutes, double sigma,
            Duration lateness, Instant breakAt, Duration breakAnnounced, Duration breakReal) {
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

    private final SplittableRandom random;
    private final List<Timed> events = new ArrayList<>();
    private final Map<UUID, Duration> waits = new HashMap<>();
    private final UUID hospitalId = UUID.randomUUID();
    private final Map<UUID, Integer> numbers = new HashMap<>();

    private OpdDay(long seed) {
        this.random = new SplittableRandom(seed);
    }

    static OpdDay simulate(long seed) {
        OpdDay day = new OpdDay(seed);
        day.run();
        return day;
    }

    List<Timed> events() {
        return events;
    }

    /** Token id → from check-in to consultation start, for every patient who was seen. */
    Map<UUID, Duration> waits() {
        return waits;
    }

    private void run() {
        List<Department> departments = List.of(
                new Department(UUID.randomUUID(), "GEN", 10, 5),
                new Department(UUID.randomUUID(), "CARD", 15, 5),
                new Department(UUID.randomUUID(), "ENT", 8, 5));
        int index = 0;
        for (Department dept : departments) {
            int count = dept.code().equals("ENT") ? 2 : 3;
            List<Doctor> doctors = new ArrayList<>();
            for (int i = 0; i < count; i++, index++) {
                // Real medians from 0.6 to 1.4 times the configured average; some doctors vary more than others.
                double factor = 0.6 + 0.8 * random.nextDouble();
                Duration lateness = index == 1 ? Duration.ofMinutes(40) : Duration.ofMinutes(random.nextInt(6));
                Instant breakAt = index == 4 ? DAY.plus(Duration.ofMinutes(150)) : null;
                doctors.add(new Doctor(UUID.randomUUID(), dept, dept.avgMinutes(), dept.avgMinutes() * factor,
                        0.3 + 0.25 * random.nextDouble(), lateness, breakAt, Duration.ofMinutes(15), Duration.ofMinutes(22)));
            }
            simulate(dept, doctors);
        }
        events.sort(Comparator.comparing(Timed::at));
    }

    /** A doctor's working state while the department's morning is simulated. */
    private static final class Desk {
        final Doctor doctor;
        final List<Patient> patients = new ArrayList<>();
        final Instant actualStart;
        Instant freeAt;
        boolean breakTaken;

        Desk(Doctor doctor) {
            this.doctor = doctor;
            this.actualStart = SHIFT_START.plus(doctor.lateness());
            this.freeAt = actualStart;
            this.breakTaken = doctor.breakAt() == null;
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
    private void simulate(Department dept, List<Doctor> doctors) {
        List<Desk> desks = doctors.stream().map(Desk::new).toList();
        for (Desk desk : desks) {
            desk.patients.addAll(bookings());
            doctorEvent(desk.doctor, DoctorEventType.SHIFT_SCHEDULED, DAY, null, null, null);
            doctorEvent(desk.doctor, DoctorEventType.SHIFT_STARTED, desk.actualStart, desk.actualStart, null, null);
        }
        List<Patient> arrivals = walkIns(dept, doctors.size());
        Duration step = Duration.ofSeconds(15);
        int next = 0;
        for (Instant t = DAY; ; t = t.plus(step)) {
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
        if (!desk.breakTaken && !t.isBefore(desk.doctor.breakAt())) {
            desk.breakTaken = true;
            Instant breakStart = desk.freeAt.isAfter(desk.doctor.breakAt()) ? desk.freeAt : desk.doctor.breakAt();
            doctorEvent(desk.doctor, DoctorEventType.BREAK_STARTED, breakStart, desk.actualStart, null,
                    breakStart.plus(desk.doctor.breakAnnounced()));
            desk.freeAt = breakStart.plus(desk.doctor.breakReal());
            doctorEvent(desk.doctor, DoctorEventType.BREAK_ENDED, desk.freeAt, desk.actualStart, null, null);
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
        chosen.ended = chosen.started.plus(minutes(Math.exp(Math.log(desk.doctor.realMedianMinutes())
                + desk.doctor.sigma() * random.nextGaussian())));
        desk.freeAt = chosen.ended;
        return true;
    }

    private void finish(Desk desk) {
        Doctor doctor = desk.doctor;
        List<Patient> patients = desk.patients;
        patients.sort(Comparator.comparing(p -> p.issuedAt));
        for (Patient patient : patients) {
            int number = numbers.merge(doctor.dept().id(), 1, Integer::sum);
            patient.number = "%s-%03d".formatted(doctor.dept().code(), number);
            token(doctor, patient, TokenEventType.TOKEN_ISSUED, patient.issuedAt, null, TokenStatus.BOOKED);
        }
        Instant end = desk.freeAt.isAfter(SHIFT_END) ? desk.freeAt : SHIFT_END;
        doctorEvent(doctor, DoctorEventType.SHIFT_ENDED, end, desk.actualStart, end, null);

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
        }
    }

    /** Walk-ins (15 % seniors) from 08:30 to 12:15 and emergencies during the shift, for the whole department. */
    private List<Patient> walkIns(Department dept, int doctors) {
        List<Patient> patients = new ArrayList<>();
        // About two thirds of the pace the configured average allows; with the bookings, doctors as fast
        // as configured are busy about 90 % of the morning.
        double perMinute = doctors * 0.65 / (dept.avgMinutes() + 2);
        Instant t = DAY.plus(Duration.ofMinutes(30));
        while (true) {
            t = t.plus(minutes(random.nextExponential() / perMinute));
            if (t.isAfter(LAST_WALK_IN)) {
                break;
            }
            patients.add(walkIn(t, random.nextDouble() < 0.15 ? 2 : 1));
        }
        // Emergencies: about one every three hours per doctor.
        t = SHIFT_START;
        while (true) {
            t = t.plus(minutes(random.nextExponential() * 180 / doctors));
            if (t.isAfter(LAST_WALK_IN)) {
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

    /** Online bookings with one doctor: a slot every hour; one in eight never comes, the others arrive up to 20 minutes early. */
    private List<Patient> bookings() {
        List<Patient> patients = new ArrayList<>();
        for (Instant slot = SHIFT_START; slot.isBefore(SHIFT_END.minus(Duration.ofMinutes(60))); slot = slot.plus(Duration.ofMinutes(60))) {
            Patient patient = new Patient();
            patient.priority = 1;
            patient.booking = BookingType.ONLINE;
            patient.issuedAt = DAY;
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

    private void token(Doctor doctor, Patient patient, TokenEventType type, Instant at, TokenStatus previous, TokenStatus next) {
        boolean calledYet = patient.called != null && !at.isBefore(patient.called);
        boolean startedYet = patient.started != null && !at.isBefore(patient.started);
        TokenEvent event = new TokenEvent(TokenEvent.SCHEMA_VERSION, UUID.randomUUID(), type, at, patient.tokenId, patient.number,
                patient.patientId, doctor.id(), doctor.dept().id(), hospitalId, null, previous, next, patient.priority,
                patient.booking, patient.scheduled,
                patient.checkIn != null && !at.isBefore(patient.checkIn) ? patient.checkIn : null,
                calledYet ? patient.called : null,
                startedYet ? patient.started : null,
                next == TokenStatus.COMPLETED ? patient.ended : null,
                doctor.configuredAvg(), doctor.dept().bufferMinutes());
        events.add(new Timed(at, doctor.id().toString(), event));
    }

    private void doctorEvent(Doctor doctor, DoctorEventType type, Instant at, Instant actualStart, Instant actualEnd, Instant breakEndsAt) {
        events.add(new Timed(at, doctor.id().toString(), new DoctorEvent(DoctorEvent.SCHEMA_VERSION, UUID.randomUUID(), type, at,
                doctor.id(), doctor.dept().id(), hospitalId, null, null, SHIFT_START.atZone(ZoneOffset.UTC).toLocalDate(),
                SHIFT_START, SHIFT_END, actualStart, actualEnd, breakEndsAt, doctor.configuredAvg(), doctor.dept().bufferMinutes())));
    }

    private static Duration minutes(double minutes) {
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }
}
