package org.opd.orchestrator.cabin.web;

import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.cabin.Cabin;

record CabinResponse(
        UUID cabinId,
        UUID deptId,
        String cabinNumber,
        Integer floorNumber,
        int capacity,
        List<String> equipment,
        String status) {

    static CabinResponse of(Cabin cabin) {
        return new CabinResponse(cabin.cabinId(), cabin.deptId(), cabin.cabinNumber(), cabin.floorNumber(),
                cabin.capacity(), cabin.equipment(), cabin.status());
    }
}
