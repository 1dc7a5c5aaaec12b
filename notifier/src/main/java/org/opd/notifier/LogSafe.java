package org.opd.notifier;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DataAccessException;

/**
 * A failure as it may appear in a log line. PostgreSQL quotes the failing row in its error details
 * ("Failing row contains (…, +9198…, Your OPD token is …)"), and Spring repeats that in its data
 * access exceptions, so for those only the type and SQLState are kept; the messages of other
 * failures are ours and name ids only.
 */
public final class LogSafe {

    private LogSafe() {
    }

    /** Each cause of the chain, outermost first: {@code Type: message}, or {@code Type [SQLState 23514]}. */
    public static String failure(Throwable failure) {
        List<String> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null && causes.size() < 10; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                causes.add(cause.getClass().getSimpleName() + " [SQLState " + sql.getSQLState() + "]");
            } else if (cause instanceof DataAccessException) {
                causes.add(cause.getClass().getSimpleName());
            } else {
                causes.add(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            }
        }
        return String.join(" ← ", causes);
    }
}
