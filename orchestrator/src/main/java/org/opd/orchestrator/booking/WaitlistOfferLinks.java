package org.opd.orchestrator.booking;

import java.util.UUID;

import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.status.StatusLinkProperties;
import org.opd.schemas.status.OfferLinks;
import org.opd.schemas.status.StatusLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The link of a free slot offered from the waitlist, as the patient's message carries it: the link is the
 * credential, so the patient takes the slot without signing in. It opens only a hold that was offered from a
 * waitlist, and only confirms it, as the desk would ({@link SlotHolds#book}): not after it lapsed, not twice.
 */
@Service
public class WaitlistOfferLinks {

    private final OfferLinks links;
    private final WaitlistRepository entries;
    private final SlotHolds holds;

    WaitlistOfferLinks(StatusLinkProperties properties, WaitlistRepository entries, SlotHolds holds) {
        this.links = OfferLinks.withKey(properties.key());
        this.entries = entries;
        this.holds = holds;
    }

    @Transactional
    public Appointment confirm(String link) {
        if (!StatusLinks.wellFormed(link)) {
            throw new InvalidInputException("link", "must be an offer link: 43 characters of base64url");
        }
        UUID appointmentId = links.appointmentOf(link).filter(entries::isOffer)
                .orElseThrow(OfferLinkNotFoundException::new);
        return holds.book(appointmentId);
    }
}
