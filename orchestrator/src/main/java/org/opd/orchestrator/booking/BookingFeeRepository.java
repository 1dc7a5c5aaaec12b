package org.opd.orchestrator.booking;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BookingFeeRepository {

    private final JdbcClient jdbc;

    BookingFeeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** No fee: bookings with the doctor are free. */
    Optional<BookingFee> find(UUID doctorId) {
        return jdbc.sql("SELECT amount_minor, currency FROM doctor_booking_fees WHERE doctor_id = :d").param("d", doctorId)
                .query((rs, row) -> new BookingFee(rs.getInt("amount_minor"), rs.getString("currency"))).optional();
    }

    void set(UUID doctorId, BookingFee fee) {
        jdbc.sql("""
                        INSERT INTO doctor_booking_fees (doctor_id, amount_minor, currency) VALUES (:d, :amount, :currency)
                        ON CONFLICT (doctor_id) DO UPDATE SET amount_minor = EXCLUDED.amount_minor,
                            currency = EXCLUDED.currency, updated_at = now()""")
                .param("d", doctorId).param("amount", fee.amountMinor()).param("currency", fee.currency())
                .update();
    }

    void remove(UUID doctorId) {
        jdbc.sql("DELETE FROM doctor_booking_fees WHERE doctor_id = :d").param("d", doctorId).update();
    }
}
