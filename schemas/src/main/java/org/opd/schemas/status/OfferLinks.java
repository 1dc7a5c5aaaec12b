package org.opd.schemas.status;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * The unguessable link of a slot offered from a waitlist: the notifier puts it into the offer, the page it opens
 * confirms the hold through the orchestrator. Made as status links are ({@link StatusLinks}), from the same
 * environment key, but under a key derived for offers, so a token's status link confirms nothing.
 */
public final class OfferLinks {

    /** Where the offer page is served; the link follows the {@code #}, so loading the page does not send it. */
    public static final String PAGE_PATH = "/screens/offer.html";

    private static final String PURPOSE = "waitlist-offer";

    private final StatusLinks links;

    private OfferLinks(StatusLinks links) {
        this.links = links;
    }

    /** @param base64Key the status link key ({@code OPD_STATUS_LINK_KEY}) */
    public static OfferLinks withKey(String base64Key) {
        return new OfferLinks(StatusLinks.withKey(base64Key).derived(PURPOSE));
    }

    public String linkOf(UUID appointmentId) {
        return links.linkOf(appointmentId);
    }

    /** The offer page of a held appointment under the public base address of the orchestrator. */
    public URI pageOf(URI baseUrl, UUID appointmentId) {
        return URI.create(baseUrl.toString().replaceAll("/+$", "") + PAGE_PATH + "#" + linkOf(appointmentId));
    }

    /** The appointment a link was made for; empty for a forged or altered one, or a link of another kind. */
    public Optional<UUID> appointmentOf(String link) {
        return links.tokenOf(link);
    }
}
