package org.opd.orchestrator.booking.web;

import java.util.UUID;

import org.opd.orchestrator.booking.BookingFee;
import org.opd.orchestrator.booking.BookingFees;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
class BookingFeeController {

    private final BookingFees fees;

    BookingFeeController(BookingFees fees) {
        this.fees = fees;
    }

    /** What booking the doctor costs from now on; 0 makes it free. */
    @PutMapping("/api/v1/doctors/{doctorId}/booking-fee")
    BookingFee set(@PathVariable UUID doctorId, @Valid @RequestBody BookingFeeRequest request) {
        return fees.set(doctorId, request.toFee()).orElse(new BookingFee(0, request.currency()));
    }
}
