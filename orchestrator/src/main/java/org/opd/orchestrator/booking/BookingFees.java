package org.opd.orchestrator.booking;

import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.doctor.DoctorRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sets what booking a doctor costs; a doctor without a fee is booked free. */
@Service
public class BookingFees {

    private final BookingFeeRepository fees;
    private final DoctorRepository doctors;

    BookingFees(BookingFeeRepository fees, DoctorRepository doctors) {
        this.fees = fees;
        this.doctors = doctors;
    }

    /** What booking the doctor costs; empty when free. */
    @Transactional(readOnly = true)
    public Optional<BookingFee> of(UUID doctorId) {
        return fees.find(doctorId);
    }

    /** @param fee empty: bookings become free */
    @Transactional
    public Optional<BookingFee> set(UUID doctorId, Optional<BookingFee> fee) {
        doctors.requireExists(doctorId);
        fee.ifPresentOrElse(f -> fees.set(doctorId, f), () -> fees.remove(doctorId));
        return fees.find(doctorId);
    }
}
