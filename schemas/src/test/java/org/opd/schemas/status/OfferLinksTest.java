package org.opd.schemas.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class OfferLinksTest {

    private static final UUID APPOINTMENT = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    private static final String KEY = StatusLinks.newKey();

    @Test
    void anOfferLinkOpensToItsAppointmentUnderTheSameKey() {
        OfferLinks links = OfferLinks.withKey(KEY);

        URI page = links.pageOf(URI.create("https://opd.hospital.example/"), APPOINTMENT);

        assertThat(page.toString()).startsWith("https://opd.hospital.example/screens/offer.html#");
        assertThat(OfferLinks.withKey(KEY).appointmentOf(page.getFragment())).contains(APPOINTMENT);
    }

    @Test
    void aStatusLinkOfTheSameIdIsNoOfferLinkNorTheOtherWayRound() {
        String statusLink = StatusLinks.withKey(KEY).linkOf(APPOINTMENT);
        String offerLink = OfferLinks.withKey(KEY).linkOf(APPOINTMENT);

        assertThat(offerLink).isNotEqualTo(statusLink);
        assertThat(OfferLinks.withKey(KEY).appointmentOf(statusLink)).isEmpty();
        assertThat(StatusLinks.withKey(KEY).tokenOf(offerLink)).isEmpty();
        assertThat(OfferLinks.withKey(StatusLinks.newKey()).appointmentOf(offerLink)).isEmpty();
    }
}
