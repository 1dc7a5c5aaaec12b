package org.opd.orchestrator.status;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.queue.LivePosition;
import org.opd.orchestrator.queue.LiveQueueReader;
import org.opd.orchestrator.time.LocalTimes;
import org.opd.schemas.status.StatusLinks;
import org.opd.schemas.token.TokenStatus;
import org.springframework.stereotype.Service;

/**
 * Opens patients' status links: which token a link is for, and that token as its page shows it
 * (PostgreSQL for the token, the live projection for its place in line), while the link works.
 */
@Service
public class PatientStatuses {

    private final StatusLinks links;
    private final TokenStatusRepository tokens;
    private final LiveQueueReader live;
    private final Clock clock;
    private final Duration grace;

    PatientStatuses(StatusLinkProperties properties, TokenStatusRepository tokens, LiveQueueReader live, Clock clock) {
        this.links = StatusLinks.withKey(properties.key());
        this.tokens = tokens;
        this.live = live;
        this.clock = clock;
        this.grace = properties.grace();
    }

    /** The token of a link; a text not of a link's form is a bad request naming {@code link}, a forged one is unknown. */
    public UUID tokenOf(String link) {
        if (!StatusLinks.wellFormed(link)) {
            throw new InvalidInputException("link", "must be a status link: 43 characters of base64url");
        }
        return links.tokenOf(link).orElseThrow(StatusLinkNotFoundException::unknown);
    }

    /** The token now; refused once it ended longer ago than the grace period. */
    public LinkedToken read(UUID tokenId) {
        TokenStatusRow row = tokens.find(tokenId).orElseThrow(StatusLinkNotFoundException::unknown);
        boolean ended = row.status().isFinal();
        if (ended && row.changedAt().plus(grace).isBefore(clock.instant())) {
            throw StatusLinkNotFoundException.expired();
        }
        LivePosition position = row.status().isInLine() ? live.position(tokenId) : LivePosition.UNKNOWN;
        boolean called = row.calledTime() != null || row.status() == TokenStatus.IN_CONSULTATION;
        return new LinkedToken(tokenId, row.doctorId(), new PatientStatus(row.tokenNumber(), row.status().name(),
                row.doctorName(), row.departmentName(), called ? row.cabinNumber() : null, position.position(),
                position.etaMinutesP50(), position.etaMinutesP90(), LocalTimes.at(row.calledTime(), row.zone()), ended));
    }
}
