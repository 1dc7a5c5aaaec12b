package org.opd.orchestrator.token;

import java.time.Clock;
import java.util.UUID;

import org.opd.orchestrator.error.ProblemException;
import org.opd.orchestrator.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Marks called patients who did not come in within the grace period as no-shows, so the doctor's
 * cabin is free for call-next again. Each token moves in its own transaction through the aggregate,
 * which re-checks the rule on the locked row: a token started or moved meanwhile is left alone,
 * and several orchestrator instances running the check never mark a token twice.
 */
@Configuration(proxyBeanMethods = false)
class UnansweredCalls implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(UnansweredCalls.class);

    private final TokenRepository tokens;
    private final TokenTransitions transitions;
    private final NoShowProperties properties;
    private final Clock clock;

    UnansweredCalls(TokenRepository tokens, TokenTransitions transitions, NoShowProperties properties, Clock clock) {
        this.tokens = tokens;
        this.transitions = transitions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::markNoShows, properties.checkInterval());
    }

    /** @return how many tokens were marked */
    int markNoShows() {
        int marked = 0;
        for (UUID tokenId : tokens.findCalledBefore(clock.instant().minus(properties.grace()), properties.batchSize())) {
            try (LogContext ignored = LogContext.token(tokenId, null)) {
                transitions.markNoShowAfterCall(TokenCommand.bySystem(tokenId), properties.grace());
                marked++;
            } catch (ProblemException | ConcurrencyFailureException e) {
                // Staff moved the token between the search and the lock; their move stands.
                log.info("Token {} not marked a no-show: {}", tokenId, e.getMessage());
            }
        }
        return marked;
    }
}
