package org.opd.orchestrator.hospital.web;

import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.hospital.Hospital;
import org.opd.orchestrator.hospital.OpeningHours;

record HospitalResponse(
        UUID hospitalId,
        String name,
        String address,
        double latitude,
        double longitude,
        int geofenceRadiusMeters,
        String timezone,
        Map<String, OpeningHours> operatingHours,
        String status) {

    static HospitalResponse of(Hospital hospital) {
        return new HospitalResponse(hospital.hospitalId(), hospital.name(), hospital.address(),
                hospital.location().latitude(), hospital.location().longitude(), hospital.geofenceRadiusMeters(),
                hospital.zone().getId(), hospital.operatingHours(), hospital.status());
    }
}
