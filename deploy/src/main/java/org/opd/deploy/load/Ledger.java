package org.opd.deploy.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.opd.schemas.token.TokenStatus;

/**
 * The generator's own record of what the API accepted, per token: the status each accepted move
 * left it in, in the order the answers came (one lane moves a token at a time, so that is the
 * order of the moves). Tokens with a move whose answer never came are uncertain: the move may
 * or may not have been stored, so the check leaves them out and says how many.
 */
final class Ledger {

    /** One token's accepted moves. */
    record Entry(UUID doctorId, List<TokenStatus> statuses) {
    }

    private final Map<UUID, Entry> tokens = new ConcurrentHashMap<>();
    private final Set<UUID> uncertain = ConcurrentHashMap.newKeySet();

    void accepted(UUID tokenId, UUID doctorId, TokenStatus status) {
        tokens.computeIfAbsent(tokenId, id -> new Entry(doctorId, new ArrayList<>())).statuses().add(status);
    }

    void uncertain(UUID tokenId) {
        uncertain.add(tokenId);
    }

    /** The tokens whose every move has an answer. */
    Map<UUID, Entry> certain() {
        Map<UUID, Entry> certain = new ConcurrentHashMap<>(tokens);
        certain.keySet().removeAll(uncertain);
        return certain;
    }

    int uncertainCount() {
        return uncertain.size();
    }

    int size() {
        return tokens.size();
    }
}
