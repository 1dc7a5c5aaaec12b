package org.opd.orchestrator.booking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Booking ahead ({@code opd.orchestrator.booking.*}).
 *
 * @param holdFor             how long an unpaid booking holds its slot (spec 000: 15 minutes); its payment link expires with it
 * @param expiryCheckInterval how often lapsed holds are let go
 * @param tokenCheckInterval  how often the day's confirmed appointments are put in their doctors' queues
 * @param waitlistOfferInterval how often freed slots are offered to the waitlists
 */
@Validated
@ConfigurationProperties("opd.orchestrator.booking")
public record BookingProperties(@NotNull Duration holdFor, @NotNull Duration expiryCheckInterval,
                                @NotNull Duration tokenCheckInterval,
                                @NotNull Duration waitlistOfferInterval,
                                @Valid @NotNull Reminders reminders,
                                @Valid @NotNull Razorpay razorpay) {

    /**
     * The reminders of confirmed appointments, each sent once.
     *
     * @param checkInterval how often due reminders are looked for
     * @param dayBefore     how long before the appointment the first reminder goes (a day)
     * @param hourBefore    how long before it the second goes (an hour); the first is no longer sent once this one is due
     */
    public record Reminders(@NotNull Duration checkInterval, @NotNull Duration dayBefore, @NotNull Duration hourBefore) {
    }

    /**
     * Razorpay Payment Links. Empty keys: paid bookings are refused as unavailable (free ones still work).
     *
     * @param baseUrl       https://api.razorpay.com, or a stand-in speaking its protocol
     * @param webhookSecret the secret set for the webhook in Razorpay's dashboard; signs X-Razorpay-Signature
     */
    public record Razorpay(@NotBlank String baseUrl, @NotNull String keyId, @NotNull String keySecret,
                           @NotNull String webhookSecret, @NotNull Duration timeout) {

        boolean configured() {
            return !keyId.isBlank() && !keySecret.isBlank();
        }
    }
}
