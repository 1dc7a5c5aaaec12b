package org.opd.orchestrator.assistant;

import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.hospital.HospitalRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which hospital each WhatsApp booking number (a Cloud API phone number id) books for. */
@Service
public class BookingNumbers {

    private final JdbcClient jdbc;
    private final HospitalRepository hospitals;

    BookingNumbers(JdbcClient jdbc, HospitalRepository hospitals) {
        this.jdbc = jdbc;
        this.hospitals = hospitals;
    }

    /** The number books for the hospital from now on (a number moved from another hospital moves with its chats). */
    @Transactional
    public void assign(UUID hospitalId, String phoneNumberId) {
        hospitals.require(hospitalId);
        jdbc.sql("""
                        INSERT INTO wa_booking_numbers (phone_number_id, hospital_id) VALUES (:number, :hospital)
                        ON CONFLICT (phone_number_id) DO UPDATE SET hospital_id = EXCLUDED.hospital_id""")
                .param("number", phoneNumberId).param("hospital", hospitalId)
                .update();
    }

    @Transactional(readOnly = true)
    public Optional<UUID> hospitalOf(String phoneNumberId) {
        return jdbc.sql("SELECT hospital_id FROM wa_booking_numbers WHERE phone_number_id = :number")
                .param("number", phoneNumberId).query(UUID.class).optional();
    }
}
