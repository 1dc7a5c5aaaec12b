package org.opd.orchestrator.identity;

import java.sql.Array;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;

import org.opd.schemas.identity.Role;

/** Roles as the {@code varchar[]} columns of accounts and clients hold them. */
public final class RoleColumns {

    private RoleColumns() {
    }

    /** A PostgreSQL array literal, bound as text and cast with {@code ::varchar[]}. */
    public static String literal(Set<Role> roles) {
        return "{" + String.join(",", roles.stream().map(Role::name).sorted().toList()) + "}";
    }

    public static Set<Role> read(Array array) throws SQLException {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : (String[]) array.getArray()) {
            roles.add(Role.valueOf(name));
        }
        return Set.copyOf(roles);
    }
}
