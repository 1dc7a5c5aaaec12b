package org.opd.orchestrator.abdm;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

import org.opd.orchestrator.error.InvalidInputException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A scanned patient profile as the ABDM gateway shares it with the facility (HIP), in the v0.5
 * {@code /v1.0/patients/profile/share} shape; the v3 names of the same fields are read too
 * ({@code abhaNumber}, {@code abhaAddress}, {@code phoneNumber}, {@code metaData.context}):
 *
 * <pre>{@code
 * {"requestId": "…", "timestamp": "…", "metaData": {"hipId": "IN2910000123", "context": "OPD-CARD"},
 *  "profile": {"hipCode": "OPD-CARD", "patient": {"healthId": "meera@abdm", "healthIdNumber": "91-1234-5678-9012",
 *    "name": "…", "gender": "F", "yearOfBirth": 1980, "monthOfBirth": 4, "dayOfBirth": 12,
 *    "identifiers": [{"type": "MOBILE", "value": "9800000001"}]}}}
 * }</pre>
 *
 * @param hipId       the facility (X-HIP-ID header, else {@code metaData.hipId})
 * @param counterCode the counter's code in the facility's QR ({@code profile.hipCode}, else {@code metaData.context})
 * @param abhaNumber  14 digits, kept as {@code 91-1234-5678-9012}
 * @param abhaAddress {@code healthId}; required, since the on-share's acknowledgement must name it
 * @param dateOfBirth null unless day, month and year were all shared
 */
public record ProfileShare(String requestId, String hipId, String counterCode, String abhaNumber, String abhaAddress, String name,
                    String gender, int yearOfBirth, LocalDate dateOfBirth, String phone) {

    private static final Set<String> GENDERS = Set.of("M", "F", "O", "U");
    private static final int MAX_ID = 50;

    public static ProfileShare parse(JsonNode body, String hipIdHeader, String requestIdHeader) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body", "is not a JSON profile share");
        }
        String requestId = first(text(body.path("requestId")), requestIdHeader);
        if (requestId == null || requestId.length() > 64) {
            throw new InvalidInputException("requestId", "must be the gateway's request id (1 to 64 characters)");
        }
        JsonNode meta = body.path("metaData");
        JsonNode profile = body.path("profile");
        JsonNode patient = profile.path("patient");
        String hipId = bounded(first(hipIdHeader, text(meta.path("hipId")), text(profile.path("hipId"))), "X-HIP-ID");
        String counter = bounded(first(text(profile.path("hipCode")), text(meta.path("context")), text(profile.path("context"))),
                "profile.hipCode");
        String abhaNumber = abhaNumber(first(text(patient.path("healthIdNumber")), text(patient.path("abhaNumber"))));
        String abhaAddress = first(text(patient.path("healthId")), text(patient.path("abhaAddress")));
        if (abhaAddress == null || abhaAddress.length() > 100) {
            throw new InvalidInputException("profile.patient.healthId", "must be the patient's ABHA address (1 to 100 characters)");
        }
        String name = text(patient.path("name"));
        if (name == null || name.length() > 255) {
            throw new InvalidInputException("profile.patient.name", "must be the patient's name (1 to 255 characters)");
        }
        String gender = text(patient.path("gender"));
        if (gender == null || !GENDERS.contains(gender)) {
            throw new InvalidInputException("profile.patient.gender", "must be M, F, O or U");
        }
        int year = patient.path("yearOfBirth").asInt(0);
        if (year < 1900 || year > LocalDate.now().getYear()) {
            throw new InvalidInputException("profile.patient.yearOfBirth", "must be a year of birth");
        }
        return new ProfileShare(requestId, hipId, counter, abhaNumber, abhaAddress, name, gender, year,
                dateOfBirth(patient, year), phone(patient));
    }

    private static String abhaNumber(String raw) {
        String digits = raw == null ? "" : raw.replace("-", "").replace(" ", "");
        if (!digits.matches("[0-9]{14}")) {
            throw new InvalidInputException("profile.patient.healthIdNumber", "must be a 14-digit ABHA number");
        }
        return digits.substring(0, 2) + "-" + digits.substring(2, 6) + "-" + digits.substring(6, 10) + "-" + digits.substring(10);
    }

    private static LocalDate dateOfBirth(JsonNode patient, int year) {
        int month = patient.path("monthOfBirth").asInt(0);
        int day = patient.path("dayOfBirth").asInt(0);
        if (month == 0 || day == 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new InvalidInputException("profile.patient.dayOfBirth", "is not a day of that month");
        }
    }

    /** The MOBILE identifier (v0.5), or the v3 {@code phoneNumber} / {@code mobile}. */
    private static String phone(JsonNode patient) {
        for (JsonNode identifier : patient.path("identifiers")) {
            if ("MOBILE".equals(identifier.path("type").asText())) {
                return text(identifier.path("value"));
            }
        }
        return first(text(patient.path("phoneNumber")), text(patient.path("mobile")));
    }

    private static String bounded(String value, String field) {
        if (value == null || value.length() > MAX_ID) {
            throw new InvalidInputException(field, "must be given (1 to " + MAX_ID + " characters)");
        }
        return value;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
