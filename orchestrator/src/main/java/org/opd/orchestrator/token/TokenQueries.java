package org.opd.orchestrator.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.paging.Page;
import org.opd.orchestrator.paging.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads tokens as PostgreSQL, the source of truth, has them. */
@Service
public class TokenQueries {

    private final TokenRepository tokens;

    TokenQueries(TokenRepository tokens) {
        this.tokens = tokens;
    }

    @Transactional(readOnly = true)
    public LoadedToken require(UUID tokenId) {
        return tokens.find(tokenId).orElseThrow(() -> new NotFoundException("token", tokenId));
    }

    /** Whose token it is, also for an archived token; empty for an unknown id. */
    @Transactional(readOnly = true)
    public Optional<UUID> patientOf(UUID tokenId) {
        return tokens.patientOf(tokenId);
    }

    /**
     * The doctor's tokens not yet called whose visit falls in [from, to), as of now: those in line
     * in call order, then the booked.
     */
    @Transactional(readOnly = true)
    public List<LoadedToken> awaitingBetween(UUID doctorId, Instant from, Instant to, Instant now) {
        return tokens.findAwaitingBetween(doctorId, from, to, now);
    }

    @Transactional(readOnly = true)
    public Page<LoadedToken> list(TokenFilter filter, PageRequest page) {
        return tokens.page(filter, page);
    }
}
