package org.opd.orchestrator.jdbc;

import java.util.Map;

import org.opd.orchestrator.error.DuplicateException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DuplicateKeyException;

/**
 * Turns a unique violation into a {@link DuplicateException} naming the request field, by the
 * violated constraint's name. The database's own message is not passed on: it quotes the
 * values, which may be personal data.
 */
public final class UniqueConstraints {

    /** What each constraint protects: the request field and how to say it is taken. */
    public record Field(String name, String detail) {
    }

    private final Map<String, Field> byConstraint;

    public UniqueConstraints(Map<String, Field> byConstraint) {
        this.byConstraint = Map.copyOf(byConstraint);
    }

    public RuntimeException translate(DuplicateKeyException e) {
        Field field = byConstraint.get(constraintOf(e));
        if (field == null) {
            return e;
        }
        return new DuplicateException(field.name(), field.detail());
    }

    private static String constraintOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql) {
                ServerErrorMessage message = psql.getServerErrorMessage();
                return message == null ? null : message.getConstraint();
            }
        }
        return null;
    }
}
