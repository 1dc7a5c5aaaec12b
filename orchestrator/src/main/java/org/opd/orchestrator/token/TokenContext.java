package org.opd.orchestrator.token;

import java.time.ZoneId;

import org.opd.orchestrator.hospital.Geofence;

/**
 * What a token's moves and events need to know about where it lives: the hospital's time zone
 * and geofence, the doctor's configured average consultation time and the department's buffer.
 */
public record TokenContext(ZoneId zone, Geofence geofence, int avgConsultationMinutes, int bufferMinutes) {
}
