package org.opd.schemas.token;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Function;

/**
 * The order in which a doctor's waiting patients are called — the one definition, used by the
 * database's call-next ({@link #SQL}) and by the topology's queue positions ({@link #comparator}),
 * so the patient a screen shows at position 1 is the one call-next takes.
 *
 * <p>Priority first (3 emergency, 2 senior, 1 normal), then check-in time (none last), then the
 * token number, then the token id. The last two only break ties of equal check-in times; they are
 * compared as PostgreSQL compares them under {@code COLLATE "C"} and {@code uuid} ordering: by
 * their bytes, which for these ASCII strings is Java's {@link String#compareTo}, and for a UUID
 * the order of its lower-case text (not {@link UUID#compareTo}, which compares signed halves).
 */
public final class CallOrder {

    /** The ORDER BY of call-next; {@code alias} is the tokens table's alias in the query. */
    public static String sql(String alias) {
        return "%1$s.priority DESC, %1$s.check_in_time ASC NULLS LAST, %1$s.token_number COLLATE \"C\", %1$s.token_id"
                .formatted(alias);
    }

    /** The same order over any token type, given how to read its four fields. */
    public static <T> Comparator<T> comparator(Function<T, Integer> priority, Function<T, Instant> checkInTime,
                                               Function<T, String> tokenNumber, Function<T, UUID> tokenId) {
        return Comparator.comparing(priority, Comparator.reverseOrder())
                .thenComparing(checkInTime, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(tokenNumber, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(token -> String.valueOf(tokenId.apply(token)));
    }

    private CallOrder() {
    }
}
