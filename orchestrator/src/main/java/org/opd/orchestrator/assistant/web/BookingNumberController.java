package org.opd.orchestrator.assistant.web;

import java.util.UUID;

import org.opd.orchestrator.assistant.BookingNumbers;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** An administrator says which WhatsApp Business number (its Cloud API phone number id) books for the hospital. */
@RestController
class BookingNumberController {

    private final BookingNumbers numbers;

    BookingNumberController(BookingNumbers numbers) {
        this.numbers = numbers;
    }

    record BookingNumberRequest(@NotNull @Pattern(regexp = "\\d{1,32}", message = "must be the Cloud API phone number id (digits)")
                                String phoneNumberId) {
    }

    record BookingNumberResponse(UUID hospitalId, String phoneNumberId) {
    }

    @PutMapping("/api/v1/hospitals/{hospitalId}/whatsapp-assistant")
    BookingNumberResponse assign(@PathVariable UUID hospitalId, @Valid @RequestBody BookingNumberRequest request) {
        numbers.assign(hospitalId, request.phoneNumberId());
        return new BookingNumberResponse(hospitalId, request.phoneNumberId());
    }
}
