package org.opd.orchestrator.booking.web;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.opd.orchestrator.booking.Appointment;
import org.opd.orchestrator.booking.WaitlistOfferLinks;
import org.opd.orchestrator.time.LocalTimes;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The offer page's call: the link of the patient's message confirms the slot held for them. */
@RestController
class OfferLinkController {

    /** What the page shows: no patient, no reason, only the slot and where it stands. */
    record OfferConfirmation(UUID appointmentId, String status, OffsetDateTime startTime, OffsetDateTime endTime) {

        static OfferConfirmation of(Appointment a) {
            return new OfferConfirmation(a.appointmentId(), a.status().name(), LocalTimes.at(a.startsAt(), a.zone()),
                    LocalTimes.at(a.endsAt(), a.zone()));
        }
    }

    private final WaitlistOfferLinks offers;

    OfferLinkController(WaitlistOfferLinks offers) {
        this.offers = offers;
    }

    @PostMapping("/api/v1/offer-links/{link}/confirm")
    @Operation(summary = "Takes a slot offered from the waitlist, by the link of the offer message",
            description = "A text not of a link's form is a 400 naming `link`; a forged link, or one of no waitlist offer, a 404;"
                    + " a hold that lapsed or was taken already, a 409 with `currentStatus`.")
    OfferConfirmation confirm(@PathVariable String link) {
        return OfferConfirmation.of(offers.confirm(link));
    }
}
