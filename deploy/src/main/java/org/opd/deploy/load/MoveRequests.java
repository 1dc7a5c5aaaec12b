package org.opd.deploy.load;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Makes a move as the hospital's people do: the desk issues tokens, checks patients in and marks
 * no-shows, the nurse triages, and each doctor calls, starts and completes with the doctor's own
 * credential (a doctor may only move their own queue).
 */
final class MoveRequests {

    private final ApiClient api;
    private final Credential desk;
    private final Map<UUID, Credential> doctors;
    private final MorningProfile profile;

    MoveRequests(ApiClient api, Credential desk, Map<UUID, Credential> doctors, MorningProfile profile) {
        this.api = api;
        this.desk = desk;
        this.doctors = doctors;
        this.profile = profile;
    }

    ApiClient.Answer send(Move move, Random random) {
        DoctorLane lane = move.lane();
        Credential doctor = doctors.get(lane.doctorId());
        return switch (move.kind()) {
            case ISSUE -> api.post(desk.bearer(), "/tokens", issueBody(lane, random));
            case CHECK_IN -> api.post(desk.bearer(), token(move, "check-in"),
                    Map.of("latitude", lane.hospital().latitude(), "longitude", lane.hospital().longitude()));
            case WAIT -> api.post(desk.bearer(), token(move, "wait"), Map.of());
            case NO_SHOW -> api.post(desk.bearer(), token(move, "no-show"), Map.of("reason", "Did not come (simulated)"));
            case CALL_NEXT -> api.post(doctor.bearer(), "/doctors/" + lane.doctorId() + "/call-next", Map.of());
            case START -> api.post(doctor.bearer(), token(move, "start"), Map.of());
            case COMPLETE -> api.post(doctor.bearer(), token(move, "complete"), Map.of());
        };
    }

    private static String token(Move move, String action) {
        return "/tokens/" + move.visit().tokenId() + "/" + action;
    }

    private Map<String, Object> issueBody(DoctorLane lane, Random random) {
        List<UUID> patients = lane.hospital().patients();
        double draw = random.nextDouble();
        boolean emergency = draw < profile.emergencyShare();
        boolean senior = !emergency && draw < profile.emergencyShare() + profile.seniorShare();
        return Map.of("patientId", patients.get(random.nextInt(patients.size())), "doctorId", lane.doctorId(),
                "bookingType", emergency ? "EMERGENCY" : "WALK_IN", "priority", emergency ? 3 : senior ? 2 : 1,
                "scheduledTime", OffsetDateTime.now(ZoneOffset.UTC).toString(), "visitReason", "Simulated OPD visit");
    }
}
