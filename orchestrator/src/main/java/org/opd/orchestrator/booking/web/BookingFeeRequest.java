package org.opd.orchestrator.booking.web;

import java.util.Optional;

import org.opd.orchestrator.booking.BookingFee;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** @param amountMinor in the currency's smallest unit (paise); 0 makes bookings free */
record BookingFeeRequest(@NotNull @PositiveOrZero @Max(10_000_000) Integer amountMinor,
                         @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as INR") String currency) {

    Optional<BookingFee> toFee() {
        return amountMinor == 0 ? Optional.empty() : Optional.of(new BookingFee(amountMinor, currency));
    }
}
