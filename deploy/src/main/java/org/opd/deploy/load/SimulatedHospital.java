package org.opd.deploy.load;

import java.util.List;
import java.util.UUID;

/** A hospital the generator made: where patients check in, and its registered patients (all accept SMS). */
record SimulatedHospital(UUID hospitalId, double latitude, double longitude, List<UUID> patients) {
}
