package org.opd.orchestrator.fhir;

import java.util.UUID;

/** A resource id in a read: one this server issued (a UUID), or 404, since no such resource can exist. */
final class Ids {

    private Ids() {
    }

    static UUID of(String type, String id) {
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw FhirException.notFound(type, id);
    }
}
