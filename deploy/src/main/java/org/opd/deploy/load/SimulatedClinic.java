package org.opd.deploy.load;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hospitals a run works in, made afresh through the API so runs never share a line:
 * hospitals × departments × doctors, each doctor with a cabin, a shift started today and their
 * own credential, and a pool of registered patients per hospital; the desk's credential
 * (reception, triage, administration) is issued by the bootstrap client.
 */
record SimulatedClinic(Credential desk, Map<UUID, Credential> doctors, List<DoctorLane> lanes, List<SimulatedHospital> hospitals) {

    private static final double LATITUDE = 12.9716;
    private static final double LONGITUDE = 77.5946;
    private static final int PATIENTS_PER_HOSPITAL = 100;

    static SimulatedClinic create(ApiClient api, Credential bootstrap, LoadOptions options, MorningProfile profile) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        JsonNode deskClient = api.create(bootstrap.bearer(), "/api-clients", Map.of("kind", "INTEGRATION",
                "name", "Load generator desk " + run, "roles", List.of("ADMIN", "RECEPTIONIST", "NURSE")));
        Credential desk = new Credential(api, deskClient.get("clientId").asText(), deskClient.get("clientSecret").asText());
        ZoneId zone = morningZone();
        LocalDate today = ZonedDateTime.now(zone).toLocalDate();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.clients(), 8)));
        try {
            List<SimulatedHospital> hospitals = new ArrayList<>();
            List<DoctorLane> lanes = new ArrayList<>();
            Map<UUID, Credential> doctors = new ConcurrentHashMap<>();
            for (int h = 1; h <= options.hospitals(); h++) {
                UUID hospitalId = id(api.create(desk.bearer(), "/hospitals", Map.of("name", "Load hospital " + run + "-" + h,
                        "address", "Load run " + run, "latitude", LATITUDE, "longitude", LONGITUDE,
                        "geofenceRadiusMeters", 500, "timezone", zone.getId())), "hospitalId");
                List<UUID> patients = all(pool, IntStream.rangeClosed(1, PATIENTS_PER_HOSPITAL).mapToObj(p -> (Callable<UUID>) () ->
                        id(api.create(desk.bearer(), "/hospitals/" + hospitalId + "/patients", Map.of(
                                "uhid", "LOAD-" + run + "-" + p, "name", "Load patient " + p,
                                "phone", "+9197%08d".formatted(p), "smsOptIn", true, "whatsappOptIn", false)), "patientId")).toList());
                SimulatedHospital hospital = new SimulatedHospital(hospitalId, LATITUDE, LONGITUDE, List.copyOf(patients));
                hospitals.add(hospital);
                for (int d = 1; d <= options.departments(); d++) {
                    UUID deptId = id(api.create(desk.bearer(), "/hospitals/" + hospitalId + "/departments", Map.of(
                            "name", "Department " + d, "code", "D%02d".formatted(d), "avgConsultationMinutes", 10,
                            "bufferMinutes", 5, "maxTokensPerDay", 9_999, "colorCode", "#336699", "priorityLevel", 1)), "deptId");
                    lanes.addAll(all(pool, IntStream.rangeClosed(1, options.doctors()).mapToObj(n -> (Callable<DoctorLane>) () ->
                            doctor(api, desk, hospital, deptId, today, run, profile, doctors)).toList()));
                }
            }
            return new SimulatedClinic(desk, Map.copyOf(doctors), List.copyOf(lanes), List.copyOf(hospitals));
        } finally {
            pool.shutdownNow();
        }
    }

    private static DoctorLane doctor(ApiClient api, Credential desk, SimulatedHospital hospital, UUID deptId, LocalDate today,
                                     String run, MorningProfile profile, Map<UUID, Credential> doctors) {
        UUID cabinId = id(api.create(desk.bearer(), "/departments/" + deptId + "/cabins", Map.of(
                "cabinNumber", "C-" + UUID.randomUUID().toString().substring(0, 8), "floorNumber", 1, "equipment", List.of())), "cabinId");
        UUID doctorId = id(api.create(desk.bearer(), "/hospitals/" + hospital.hospitalId() + "/doctors", Map.of(
                "empCode", "LOAD-" + UUID.randomUUID(), "name", "Dr. Load " + run, "specialization", "General medicine",
                "primaryDeptId", deptId, "phone", "+919800000000", "avgConsultationMinutes", 10,
                "maxTokensPerSession", profile.tokensPerShift())), "doctorId");
        UUID shiftId = id(api.create(desk.bearer(), "/shifts", Map.of("cabinId", cabinId, "doctorId", doctorId,
                "shiftDate", today.toString(), "shiftStartTime", "00:00", "shiftEndTime", "23:59",
                "plannedTokens", profile.tokensPerShift())), "assignmentId");
        api.create(desk.bearer(), "/shifts/" + shiftId + "/start", Map.of());
        JsonNode client = api.create(desk.bearer(), "/api-clients", Map.of("kind", "INTEGRATION", "name", "Dr. Load's tablet " + run,
                "hospitalId", hospital.hospitalId(), "doctorId", doctorId, "roles", List.of("DOCTOR")));
        doctors.put(doctorId, new Credential(api, client.get("clientId").asText(), client.get("clientSecret").asText()));
        return new DoctorLane(doctorId, hospital, profile);
    }

    /**
     * A zone where it is about 10 in the morning now, so the simulated morning and its shift
     * (00:00–23:59 local) never cross midnight during a run.
     */
    static ZoneId morningZone() {
        int utcHour = ZonedDateTime.now(ZoneId.of("UTC")).getHour();
        int offset = Math.floorMod(10 - utcHour + 12, 24) - 12;
        // Etc/GMT names carry the inverted sign: Etc/GMT-5 is UTC+05:00.
        return ZoneId.of(offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
    }

    private static UUID id(JsonNode body, String field) {
        return UUID.fromString(body.get(field).asText());
    }

    private static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) {
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while making the clinic", e);
        }
    }
}
