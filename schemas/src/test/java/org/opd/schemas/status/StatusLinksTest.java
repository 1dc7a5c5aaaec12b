package org.opd.schemas.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class StatusLinksTest {

    private static final UUID TOKEN = UUID.fromString("5b0c3c9e-6f7a-4d0e-9a51-2f1e4c8b7d10");
    private final StatusLinks links = StatusLinks.withKey(StatusLinks.newKey());

    @Test
    void aLinkOpensToItsTokenUnderTheSameKey() {
        String link = links.linkOf(TOKEN);

        assertThat(link).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(links.tokenOf(link)).contains(TOKEN);
    }

    @Test
    void aLinkMadeUnderAnotherKeyOrAlteredOpensToNothing() {
        String link = StatusLinks.withKey(StatusLinks.newKey()).linkOf(TOKEN);
        String mine = links.linkOf(TOKEN);
        char last = mine.charAt(mine.length() - 2);
        String altered = mine.substring(0, mine.length() - 2) + (last == 'A' ? 'B' : 'A') + mine.charAt(mine.length() - 1);

        assertThat(links.tokenOf(link)).isEmpty();
        assertThat(links.tokenOf(altered)).isEmpty();
        assertThat(links.tokenOf(mine.substring(1))).isEmpty();
        assertThat(links.tokenOf(null)).isEmpty();
    }

    @Test
    void theTokenIdAloneIsNoLink() {
        assertThat(StatusLinks.wellFormed(TOKEN.toString())).isFalse();
        assertThat(links.tokenOf(TOKEN.toString())).isEmpty();
    }

    @Test
    void thePageCarriesTheLinkAfterTheHash() {
        URI page = links.pageOf(URI.create("https://opd.hospital.example/"), TOKEN);

        assertThat(page.toString()).isEqualTo("https://opd.hospital.example/screens/status.html#" + links.linkOf(TOKEN));
        assertThat(page.getFragment()).isEqualTo(links.linkOf(TOKEN));
    }

    @Test
    void refusesAMissingOrShortKeyNamingTheVariable() {
        assertThatIllegalArgumentException().isThrownBy(() -> StatusLinks.withKey(" ")).withMessageContaining("OPD_STATUS_LINK_KEY");
        assertThatIllegalArgumentException().isThrownBy(() -> StatusLinks.withKey("c2hvcnQ=")).withMessageContaining("32 bytes");
    }
}
