package org.opd.orchestrator.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.booking.AvailableSlot;
import org.opd.orchestrator.booking.AvailableSlots;
import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.opd.orchestrator.jdbc.Sql;
import org.opd.orchestrator.paging.Page;
import org.opd.orchestrator.paging.PageRequest;
import org.opd.orchestrator.specialty.Specialty;
import org.opd.orchestrator.specialty.SpecialtyRepository;
import org.opd.orchestrator.time.LocalTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The doctor directory of a hospital (spec 002, 003): its active doctors, narrowed by specialty and name, each with
 * the next free slot, soonest first. The free slots are those booking offers ({@link AvailableSlots}), so the
 * directory never shows a slot that cannot be booked.
 */
@Service
public class DoctorDirectory {

    /** How far ahead to look for each doctor's next free slot unless told: a week. */
    public static final int DEFAULT_DAYS = 7;
    public static final int MAX_DAYS = 31;

    private static final Comparator<DirectoryEntry> SOONEST_FIRST = Comparator
            .comparing((DirectoryEntry e) -> e.nextAvailable() == null ? null : e.nextAvailable().startTime(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(DirectoryEntry::name).thenComparing(DirectoryEntry::doctorId);

    private final JdbcClient jdbc;
    private final HospitalRepository hospitals;
    private final SpecialtyRepository specialties;
    private final AvailableSlots slots;
    private final Clock clock;

    DoctorDirectory(JdbcClient jdbc, HospitalRepository hospitals, SpecialtyRepository specialties, AvailableSlots slots, Clock clock) {
        this.jdbc = jdbc;
        this.hospitals = hospitals;
        this.specialties = specialties;
        this.slots = slots;
        this.clock = clock;
    }

    /**
     * @param specialtySlug only doctors of this specialty, when given (an unknown slug is refused, naming {@code specialty})
     * @param name          only doctors whose name contains it (any case), when given
     * @param days          how many days from today (the hospital's) to look for a free slot
     * @param onlyAvailable only doctors with a free slot within those days
     */
    @Transactional(readOnly = true)
    public Page<DirectoryEntry> search(UUID hospitalId, String specialtySlug, String name, int days, boolean onlyAvailable,
                                       PageRequest page) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("days", "must be from 1 to " + MAX_DAYS);
        }
        ZoneId zone = hospitals.require(hospitalId).zone();
        UUID specialtyId = specialtySlug == null ? null : specialties.findBySlug(specialtySlug).map(Specialty::specialtyId)
                .orElseThrow(() -> new InvalidInputException("specialty", "no specialty has this slug"));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<DirectoryEntry> found = doctors(hospitalId, specialtyId, name).stream()
                .map(doctor -> doctor.withNext(next(doctor.doctorId(), today, today.plusDays(days - 1L))))
                .filter(entry -> !onlyAvailable || entry.nextAvailable() != null)
                .sorted(SOONEST_FIRST)
                .toList();
        int from = (int) Math.min(page.offset(), found.size());
        return new Page<>(found.subList(from, Math.min(from + page.size(), found.size())), page.page(), page.size(), found.size());
    }

    private DirectoryEntry.NextSlot next(UUID doctorId, LocalDate from, LocalDate to) {
        return slots.of(doctorId, from, to).stream().findFirst()
                .map(DoctorDirectory::slot).orElse(null);
    }

    private static DirectoryEntry.NextSlot slot(AvailableSlot slot) {
        return new DirectoryEntry.NextSlot(LocalTimes.at(slot.start(), slot.zone()), LocalTimes.at(slot.end(), slot.zone()), slot.cabinId());
    }

    private List<Listed> doctors(UUID hospitalId, UUID specialtyId, String name) {
        return jdbc.sql("""
                        SELECT d.doctor_id, d.name, d.primary_dept_id, dep.name AS department_name, s.*
                        FROM doctors d
                        JOIN departments dep ON dep.dept_id = d.primary_dept_id
                        LEFT JOIN specialties s ON s.specialty_id = d.specialty_id
                        WHERE d.hospital_id = :hospitalId AND d.status = 'ACTIVE'
                          AND (CAST(:specialtyId AS uuid) IS NULL OR d.specialty_id = :specialtyId)
                          AND (CAST(:name AS text) IS NULL OR d.name ILIKE '%' || :name || '%')
                        """)
                .param("hospitalId", hospitalId).param("specialtyId", specialtyId)
                .param("name", name == null || name.isBlank() ? null : escapeLike(name.strip()))
                .query((rs, row) -> new Listed(Sql.uuid(rs, "doctor_id"), rs.getString("name"),
                        rs.getString("slug") == null ? null : SpecialtyRepository.map(rs, row),
                        Sql.uuid(rs, "primary_dept_id"), rs.getString("department_name")))
                .list();
    }

    /** A name searched for literally: % and _ are not wildcards here. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record Listed(UUID doctorId, String name, Specialty specialty, UUID deptId, String departmentName) {

        DirectoryEntry withNext(DirectoryEntry.NextSlot next) {
            return new DirectoryEntry(doctorId, name, specialty, deptId, departmentName, next);
        }
    }
}
