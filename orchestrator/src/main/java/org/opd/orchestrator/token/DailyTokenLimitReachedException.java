package org.opd.orchestrator.token;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.error.ConflictException;

/** The department has issued as many tokens for the day as it takes. */
public class DailyTokenLimitReachedException extends ConflictException {

    DailyTokenLimitReachedException(UUID deptId, LocalDate serviceDate, int maxTokensPerDay) {
        super("daily-token-limit-reached", "Daily token limit reached",
                "Department " + deptId + " has issued its " + maxTokensPerDay + " tokens for " + serviceDate,
                Map.of("maxTokensPerDay", maxTokensPerDay, "serviceDate", serviceDate.toString()));
    }
}
