package org.opd.orchestrator.access;

import java.util.Set;

import org.opd.schemas.identity.Role;
import org.springframework.http.HttpMethod;

/**
 * Who may make one call of the API: the roles, and the record whose hospital, department, doctor
 * or patient the caller must share.
 *
 * @param target    where the call names its record: a path variable, its query filters, or nowhere
 *                  (the service checks what the body names)
 * @param filters   for {@link Target#QUERY}: the query filters the endpoint applies (only those limit its answer)
 * @param ownDoctor a doctor may do it only to their own queue
 */
record AccessRule(HttpMethod method, String path, Set<Role> roles, Target target, Resource resource, Set<Resource> filters,
                  boolean ownDoctor) {

    enum Target {
        /** The record named by the path variable of {@link AccessRule#resource()}. */
        PATH,
        /** Every record named by the endpoint's query filters; without one, callers of every hospital only. */
        QUERY,
        /** No record in the request line; roles only (the service checks the body). */
        ROLES_ONLY,
        /** Only a caller of every hospital (creating a hospital). */
        EVERY_HOSPITAL,
        /** Anyone, signed in or not (asking for a one-time code); limited by rate instead. */
        PUBLIC
    }
}
