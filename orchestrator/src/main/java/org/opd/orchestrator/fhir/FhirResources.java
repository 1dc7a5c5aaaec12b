package org.opd.orchestrator.fhir;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.opd.orchestrator.booking.Appointment;
import org.opd.orchestrator.booking.AppointmentStatus;
import org.opd.orchestrator.booking.AppointmentType;
import org.opd.orchestrator.fhir.FhirQueries.AppointmentRow;
import org.opd.orchestrator.fhir.FhirQueries.CabinRow;
import org.opd.orchestrator.fhir.FhirQueries.DepartmentRow;
import org.opd.orchestrator.fhir.FhirQueries.DoctorRow;
import org.opd.orchestrator.fhir.FhirQueries.PatientRow;
import org.opd.orchestrator.fhir.FhirQueries.WeekDay;

/**
 * How the OPD's records read as FHIR R4 resources: doctors as {@code Practitioner}, departments as
 * {@code HealthcareService}, cabins as {@code Location}, a doctor's week as a {@code Schedule}, its slots as
 * {@code Slot}, appointments as {@code Appointment}, patients' demographics as {@code Patient}. Ids are the
 * records' own (UUIDs); a slot's is its doctor's id and its start ({@link SlotId}).
 */
final class FhirResources {

    /** The hospital's own codes and identifiers. */
    static final String SYSTEM_BASE = "urn:opd:";
    static final String DEPARTMENT_CODE = SYSTEM_BASE + "department-code";
    static final String EMPLOYEE_CODE = SYSTEM_BASE + "employee-code";
    static final String UHID = SYSTEM_BASE + "uhid";
    static final String APPOINTMENT_TYPE = SYSTEM_BASE + "appointment-type";
    static final String V2_APPOINTMENT_REASON = "http://terminology.hl7.org/CodeSystem/v2-0276";
    static final String LOCATION_TYPE = "http://terminology.hl7.org/CodeSystem/location-physical-type";
    static final String SERVICE_CATEGORY = "http://terminology.hl7.org/CodeSystem/service-category";
    static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    /** A booking hold, confirmed, seen, done, cancelled, no-show; FHIR's names for them. */
    static final Map<AppointmentStatus, org.hl7.fhir.r4.model.Appointment.AppointmentStatus> STATUS = Map.of(
            AppointmentStatus.SCHEDULED, org.hl7.fhir.r4.model.Appointment.AppointmentStatus.PENDING,
            AppointmentStatus.CONFIRMED, org.hl7.fhir.r4.model.Appointment.AppointmentStatus.BOOKED,
            AppointmentStatus.IN_PROGRESS, org.hl7.fhir.r4.model.Appointment.AppointmentStatus.ARRIVED,
            AppointmentStatus.COMPLETED, org.hl7.fhir.r4.model.Appointment.AppointmentStatus.FULFILLED,
            AppointmentStatus.CANCELLED, org.hl7.fhir.r4.model.Appointment.AppointmentStatus.CANCELLED,
            AppointmentStatus.NO_SHOW, org.hl7.fhir.r4.model.Appointment.AppointmentStatus.NOSHOW);

    /** Every code of R4's appointment status value set (a search may name any of them). */
    static final Set<String> FHIR_APPOINTMENT_STATUSES = Set.of("proposed", "pending", "booked", "arrived", "fulfilled",
            "cancelled", "noshow", "entered-in-error", "checked-in", "waitlist");

    /** Spec 001's appointment types and the HL7 v2 appointment reason codes (table 0276) they are. */
    static final Map<AppointmentType, String> V2_REASON = Map.of(
            AppointmentType.CONSULTATION, "ROUTINE",
            AppointmentType.FOLLOW_UP, "FOLLOWUP",
            AppointmentType.EMERGENCY, "EMERGENCY");

    private FhirResources() {
    }

    static Practitioner practitioner(DoctorRow d) {
        Practitioner p = new Practitioner();
        p.setId(d.doctorId().toString());
        p.addIdentifier().setSystem(EMPLOYEE_CODE).setValue(d.empCode());
        p.setActive(!"INACTIVE".equals(d.status()));
        p.addName().setText(d.name()).setUse(HumanName.NameUse.OFFICIAL);
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(d.phone()).setUse(ContactPoint.ContactPointUse.WORK);
        if (d.email() != null) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(d.email()).setUse(ContactPoint.ContactPointUse.WORK);
        }
        p.addQualification().setCode(new CodeableConcept().setText(d.specialization()));
        return p;
    }

    static HealthcareService healthcareService(DepartmentRow d) {
        HealthcareService s = new HealthcareService();
        s.setId(d.deptId().toString());
        s.setActive("ACTIVE".equals(d.status()));
        s.setName(d.name());
        s.addCategory(new CodeableConcept(new Coding(SERVICE_CATEGORY, "35", "Hospital")));
        s.addType(serviceType(d.code(), d.name()));
        s.setComment("Outpatient department of " + d.hospitalName());
        for (UUID cabin : d.cabinIds()) {
            s.addLocation(new Reference("Location/" + cabin));
        }
        s.setAppointmentRequired(false);
        return s;
    }

    static CodeableConcept serviceType(String deptCode, String deptName) {
        CodeableConcept type = new CodeableConcept(new Coding(DEPARTMENT_CODE, deptCode, deptName));
        return type.setText(deptName);
    }

    static Location location(CabinRow c) {
        Location l = new Location();
        l.setId(c.cabinId().toString());
        // A cabin under maintenance is closed for now; occupied or free, it is in use.
        l.setStatus("MAINTENANCE".equals(c.status()) ? Location.LocationStatus.SUSPENDED : Location.LocationStatus.ACTIVE);
        if ("OCCUPIED".equals(c.status())) {
            l.setOperationalStatus(new Coding("http://terminology.hl7.org/CodeSystem/v2-0116", "O", "Occupied"));
        } else if ("AVAILABLE".equals(c.status())) {
            l.setOperationalStatus(new Coding("http://terminology.hl7.org/CodeSystem/v2-0116", "U", "Unoccupied"));
        }
        l.setName(c.cabinNumber());
        l.setDescription(c.deptName() + ", " + c.hospitalName() + (c.floor() == null ? "" : ", floor " + c.floor()));
        l.setMode(Location.LocationMode.INSTANCE);
        l.setPhysicalType(new CodeableConcept(new Coding(LOCATION_TYPE, "ro", "Room")));
        if (c.latitude() != null && c.longitude() != null) {
            l.getPosition().setLatitude(c.latitude()).setLongitude(c.longitude());
        }
        return l;
    }

    static Schedule schedule(DoctorRow d, List<WeekDay> week, List<UUID> shiftCabins, LocalDate today, int horizonDays) {
        Schedule s = new Schedule();
        s.setId(d.doctorId().toString());
        s.setActive(!"INACTIVE".equals(d.status()) && (!week.isEmpty() || !shiftCabins.isEmpty()));
        if (d.deptCode() != null) {
            s.addServiceType(serviceType(d.deptCode(), d.deptName()));
        }
        s.addSpecialty(new CodeableConcept().setText(d.specialization()));
        s.addActor(new Reference("Practitioner/" + d.doctorId()).setDisplay(d.name()));
        if (d.deptId() != null) {
            s.addActor(new Reference("HealthcareService/" + d.deptId()));
        }
        java.util.LinkedHashSet<UUID> cabins = new java.util.LinkedHashSet<>();
        week.forEach(w -> cabins.add(w.cabinId()));
        cabins.addAll(shiftCabins);
        cabins.forEach(c -> s.addActor(new Reference("Location/" + c)));
        s.setPlanningHorizon(new Period()
                .setStartElement(dateTime(today.atStartOfDay(d.zone()).toInstant(), d.zone()))
                .setEndElement(dateTime(today.plusDays(horizonDays).atStartOfDay(d.zone()).toInstant(), d.zone())));
        StringBuilder comment = new StringBuilder(week.isEmpty() ? "No weekly schedule" : "Weekly:");
        for (WeekDay w : week) {
            comment.append(' ').append(w.day().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).append(' ')
                    .append(w.start()).append('–').append(w.end()).append(" in ").append(w.cabinNumber())
                    .append(" (").append(w.slotMinutes()).append(" min slots);");
        }
        s.setComment(comment + " planned shifts replace a day's session.");
        return s;
    }

    static Slot slot(DoctorRow d, Instant start, Instant end, Slot.SlotStatus status) {
        Slot s = new Slot();
        s.setId(SlotId.of(d.doctorId(), start));
        s.setSchedule(new Reference("Schedule/" + d.doctorId()));
        s.setStatus(status);
        s.setStartElement(instant(start, d.zone()));
        s.setEndElement(instant(end, d.zone()));
        if (d.deptCode() != null) {
            s.addServiceType(serviceType(d.deptCode(), d.deptName()));
        }
        return s;
    }

    static Patient patient(PatientRow p) {
        Patient r = new Patient();
        r.setId(p.patientId().toString());
        r.addIdentifier().setSystem(UHID + ":" + p.hospitalId()).setValue(p.uhid())
                .setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number")));
        r.setActive(true);
        r.addName().setText(p.name()).setUse(HumanName.NameUse.OFFICIAL);
        r.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.phone()).setUse(ContactPoint.ContactPointUse.MOBILE);
        if (p.email() != null) {
            r.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(p.email());
        }
        r.setGender(gender(p.gender()));
        if (p.dateOfBirth() != null) {
            r.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(p.dateOfBirth().toString()));
        }
        return r;
    }

    static AdministrativeGender gender(String gender) {
        if (gender == null) {
            return AdministrativeGender.UNKNOWN;
        }
        return switch (gender.trim().toUpperCase(Locale.ROOT)) {
            case "M", "MALE" -> AdministrativeGender.MALE;
            case "F", "FEMALE" -> AdministrativeGender.FEMALE;
            case "O", "OTHER" -> AdministrativeGender.OTHER;
            default -> AdministrativeGender.UNKNOWN;
        };
    }

    static org.hl7.fhir.r4.model.Appointment appointment(AppointmentRow row) {
        Appointment a = row.appointment();
        org.hl7.fhir.r4.model.Appointment r = new org.hl7.fhir.r4.model.Appointment();
        r.setId(a.appointmentId().toString());
        r.setStatus(STATUS.get(a.status()));
        if (a.cancelReason() != null && (a.status() == AppointmentStatus.CANCELLED || a.status() == AppointmentStatus.NO_SHOW)) {
            r.setCancelationReason(new CodeableConcept().setText(a.cancelReason()));
        }
        if (row.deptCode() != null) {
            r.addServiceType(serviceType(row.deptCode(), row.deptName()));
        }
        r.setAppointmentType(appointmentType(a.type()));
        r.addReasonCode(new CodeableConcept().setText(a.reason()));
        r.setStartElement(instant(a.startsAt(), a.zone()));
        r.setEndElement(instant(a.endsAt(), a.zone()));
        r.setMinutesDuration((int) Duration.between(a.startsAt(), a.endsAt()).toMinutes());
        r.addSlot(new Reference("Slot/" + SlotId.of(a.doctorId(), a.startsAt())));
        if (a.holdExpiresAt() != null) {
            r.setComment("Held until " + a.holdExpiresAt().atZone(a.zone()).toOffsetDateTime());
        }
        boolean ended = a.status() == AppointmentStatus.CANCELLED || a.status() == AppointmentStatus.NO_SHOW;
        org.hl7.fhir.r4.model.Appointment.ParticipationStatus status = a.status() == AppointmentStatus.SCHEDULED
                ? org.hl7.fhir.r4.model.Appointment.ParticipationStatus.TENTATIVE
                : ended ? org.hl7.fhir.r4.model.Appointment.ParticipationStatus.DECLINED
                : org.hl7.fhir.r4.model.Appointment.ParticipationStatus.ACCEPTED;
        r.addParticipant().setActor(new Reference("Patient/" + a.patientId()))
                .setRequired(org.hl7.fhir.r4.model.Appointment.ParticipantRequired.REQUIRED).setStatus(status);
        r.addParticipant().setActor(new Reference("Practitioner/" + a.doctorId()).setDisplay(row.doctorName()))
                .addType(new CodeableConcept(new Coding(PARTICIPATION_TYPE, "PPRF", "primary performer")))
                .setRequired(org.hl7.fhir.r4.model.Appointment.ParticipantRequired.REQUIRED).setStatus(status);
        return r;
    }

    /** A free slot offered by {@code $find}: not stored, so without an id. */
    static org.hl7.fhir.r4.model.Appointment proposed(DoctorRow d, Instant start, Instant end, UUID cabinId, UUID patientId) {
        org.hl7.fhir.r4.model.Appointment r = new org.hl7.fhir.r4.model.Appointment();
        r.setStatus(org.hl7.fhir.r4.model.Appointment.AppointmentStatus.PROPOSED);
        if (d.deptCode() != null) {
            r.addServiceType(serviceType(d.deptCode(), d.deptName()));
        }
        r.setStartElement(instant(start, d.zone()));
        r.setEndElement(instant(end, d.zone()));
        r.setMinutesDuration((int) Duration.between(start, end).toMinutes());
        r.addSlot(new Reference("Slot/" + SlotId.of(d.doctorId(), start)));
        r.addParticipant().setActor(new Reference("Practitioner/" + d.doctorId()).setDisplay(d.name()))
                .addType(new CodeableConcept(new Coding(PARTICIPATION_TYPE, "PPRF", "primary performer")))
                .setRequired(org.hl7.fhir.r4.model.Appointment.ParticipantRequired.REQUIRED)
                .setStatus(org.hl7.fhir.r4.model.Appointment.ParticipationStatus.ACCEPTED);
        if (cabinId != null) {
            r.addParticipant().setActor(new Reference("Location/" + cabinId))
                    .setRequired(org.hl7.fhir.r4.model.Appointment.ParticipantRequired.INFORMATIONONLY)
                    .setStatus(org.hl7.fhir.r4.model.Appointment.ParticipationStatus.ACCEPTED);
        }
        if (patientId != null) {
            r.addParticipant().setActor(new Reference("Patient/" + patientId))
                    .setRequired(org.hl7.fhir.r4.model.Appointment.ParticipantRequired.REQUIRED)
                    .setStatus(org.hl7.fhir.r4.model.Appointment.ParticipationStatus.NEEDSACTION);
        }
        return r;
    }

    static CodeableConcept appointmentType(AppointmentType type) {
        CodeableConcept concept = new CodeableConcept();
        String v2 = V2_REASON.get(type);
        if (v2 != null) {
            concept.addCoding(new Coding(V2_APPOINTMENT_REASON, v2, null));
        }
        concept.addCoding(new Coding(APPOINTMENT_TYPE, type.name(), null));
        return concept.setText(type.name().charAt(0) + type.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    /** An instant in the hospital's offset, to the second. */
    static InstantType instant(Instant at, ZoneId zone) {
        InstantType value = new InstantType(Date.from(at), TemporalPrecisionEnum.SECOND, tz(zone));
        return value;
    }

    static DateTimeType dateTime(Instant at, ZoneId zone) {
        return new DateTimeType(Date.from(at), TemporalPrecisionEnum.SECOND, tz(zone));
    }

    private static java.util.TimeZone tz(ZoneId zone) {
        return java.util.TimeZone.getTimeZone(zone);
    }
}
