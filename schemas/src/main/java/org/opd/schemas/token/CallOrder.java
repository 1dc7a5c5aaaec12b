package org.opd.schemas.token;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Function;

/**
 * The order in which a doctor's waiting patients are called — the one definition, used by the
 * database's call-next ({@link #sql}) and by the topology's queue positions ({@link #comparator}),
 * so the patient a screen shows at position 1 is the one call-next takes.
 *
 * <p>By each token's place in the line ({@code line_place_at}): set when it checks in by
 * {@link PriorityHeadStart} (priority and fairness folded into one instant), moved by a recall to the
 * front or back or by a transfer; none last. Then the token number, then the token id, which only break
 * ties of equal places; they are compared as PostgreSQL compares them under {@code COLLATE "C"} and
 * {@code uuid} ordering: by their bytes, which for these ASCII strings is Java's
 * {@link String#compareTo}, and for a UUID the order of its lower-case text (not
 * {@link UUID#compareTo}, which compares signed halves).
 */
public final class CallOrder {

    /** The ORDER BY of call-next; {@code alias} is the tokens table's alias in the query. */
    public static String sql(String alias) {
        return "%1$s.line_place_at ASC NULLS LAST, %1$s.token_number COLLATE \"C\", %1$s.token_id".formatted(alias);
    }

    /** The same order over any token type, given how to read its three fields. */
    public static <T> Comparator<T> comparator(Function<T, Instant> linePlaceAt, Function<T, String> tokenNumber,
                                               Function<T, UUID> tokenId) {
        return Comparator.comparing(linePlaceAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(tokenNumber, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(token -> String.valueOf(tokenId.apply(token)));
    }

    private CallOrder() {
    }
}
