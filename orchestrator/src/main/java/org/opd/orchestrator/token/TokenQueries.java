package org.opd.orchestrator.token;

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

    @Transactional(readOnly = true)
    public Page<LoadedToken> list(TokenFilter filter, PageRequest page) {
        return tokens.page(filter, page);
    }
}
