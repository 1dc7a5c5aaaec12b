package org.opd.orchestrator.audit;

import static org.opd.orchestrator.audit.AuditResourceType.APPOINTMENT;
import static org.opd.orchestrator.audit.AuditResourceType.WAITLIST_ENTRY;
import static org.opd.orchestrator.audit.AuditResourceType.AUDIT_LOG;
import static org.opd.orchestrator.audit.AuditResourceType.CONSULTATION_NOTE;
import static org.opd.orchestrator.audit.AuditResourceType.DEPARTMENT_QUEUE;
import static org.opd.orchestrator.audit.AuditResourceType.DOCTOR_QUEUE;
import static org.opd.orchestrator.audit.AuditResourceType.HOSPITAL_QUEUE;
import static org.opd.orchestrator.audit.AuditResourceType.PATIENT;
import static org.opd.orchestrator.audit.AuditResourceType.TOKEN;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one rule of which requests are access to a patient record, and what each is about.
 * <p>
 * Audited: their FHIR reads and the FHIR holds and bookings ({@code /fhir/Patient}, {@code /fhir/Appointment},
 * {@code /fhir/Slot/$hold}); everything under {@code /api/v1/patients} and {@code /api/v1/tokens} (a token names its
 * patient; its consultation note is {@code CONSULTATION_NOTE}), {@code /api/v1/appointments} (each names its
 * patient), a doctor's waitlists and their entries ({@code /api/v1/doctors/{id}/waitlist},
 * {@code /api/v1/waitlist-entries}), a hospital's patients ({@code /api/v1/hospitals/{id}/patients}: look-up by UHID or phone,
 * registration), the live queues (doctor's and its stream, department's and its display and stream, the
 * hospital's {@code live-queue}) and
 * {@code call-next} (they show which tokens and patients wait), and the audit trail itself. The
 * first pattern that matches wins; each audited prefix ends in a catch-all, so a path added later,
 * or one that does not exist, is still recorded, with the catch-all as its template.
 * <p>
 * The action follows from the method: GET and HEAD read; a POST to a path without a record id
 * ({@code POST /tokens}, {@code POST /hospitals/{id}/patients}) creates; any other method changes
 * the record of the path. OPTIONS (CORS preflight) carries no data and is not audited.
 * <p>
 * The path is kept as its template, with the names of the query parameters only: an id in a path is
 * kept in {@code resourceId}, and a query value may be personal ({@code ?phone=…}).
 */
public final class AuditedResources {

    private record Rule(PathPattern pattern, AuditResourceType type, String idVariable) {
    }

    private static final PathPatternParser PARSER = new PathPatternParser();
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_.\\[\\]-]{1,64}");
    private static final String PATIENT_ID_PARAMETER = "patientId";
    private static final int MAX_PATH_LENGTH = 500;

    private static final List<Rule> RULES = List.of(
            rule("/api/v1/patients/{patientId}", PATIENT, "patientId"),
            rule("/api/v1/patients/{patientId}/contact", PATIENT, "patientId"),
            rule("/api/v1/patients/{patientId}/**", PATIENT, "patientId"),
            rule("/api/v1/patients/**", PATIENT, null),
            rule("/api/v1/hospitals/{hospitalId}/patients", PATIENT, null),
            rule("/api/v1/hospitals/{hospitalId}/patients/**", PATIENT, null),
            rule("/api/v1/tokens", TOKEN, null),
            rule("/api/v1/tokens/{tokenId}", TOKEN, "tokenId"),
            rule("/api/v1/tokens/{tokenId}/check-in", TOKEN, "tokenId"),
            rule("/api/v1/tokens/{tokenId}/wait", TOKEN, "tokenId"),
            rule("/api/v1/tokens/{tokenId}/start", TOKEN, "tokenId"),
            rule("/api/v1/tokens/{tokenId}/complete", TOKEN, "tokenId"),
            rule("/api/v1/tokens/{tokenId}/no-show", TOKEN, "tokenId"),
            rule("/api/v1/tokens/{tokenId}/cancel", TOKEN, "tokenId"),
            rule("/api/v1/tokens/{tokenId}/reschedule", TOKEN, "tokenId"),
            rule("/api/v1/tokens/{tokenId}/notes", CONSULTATION_NOTE, "tokenId"),
            rule("/api/v1/tokens/{tokenId}/**", TOKEN, "tokenId"),
            rule("/api/v1/tokens/**", TOKEN, null),
            rule("/api/v1/appointments", APPOINTMENT, null),
            rule("/api/v1/appointments/{appointmentId}", APPOINTMENT, "appointmentId"),
            rule("/api/v1/appointments/{appointmentId}/cancel", APPOINTMENT, "appointmentId"),
            rule("/api/v1/appointments/{appointmentId}/**", APPOINTMENT, "appointmentId"),
            rule("/api/v1/appointments/**", APPOINTMENT, null),
            rule("/api/v1/doctors/{doctorId}/waitlist", WAITLIST_ENTRY, null),
            rule("/api/v1/waitlist-entries/{entryId}", WAITLIST_ENTRY, "entryId"),
            rule("/api/v1/waitlist-entries/**", WAITLIST_ENTRY, null),
            rule("/api/v1/doctors/{doctorId}/queue", DOCTOR_QUEUE, "doctorId"),
            rule("/api/v1/doctors/{doctorId}/queue/stream", DOCTOR_QUEUE, "doctorId"),
            rule("/api/v1/doctors/{doctorId}/queue/**", DOCTOR_QUEUE, "doctorId"),
            rule("/api/v1/doctors/{doctorId}/call-next", DOCTOR_QUEUE, "doctorId"),
            rule("/api/v1/departments/{deptId}/queue", DEPARTMENT_QUEUE, "deptId"),
            rule("/api/v1/departments/{deptId}/queue/**", DEPARTMENT_QUEUE, "deptId"),
            rule("/api/v1/departments/{deptId}/display", DEPARTMENT_QUEUE, "deptId"),
            rule("/api/v1/departments/{deptId}/display/stream", DEPARTMENT_QUEUE, "deptId"),
            rule("/api/v1/departments/{deptId}/display/**", DEPARTMENT_QUEUE, "deptId"),
            rule("/api/v1/hospitals/{hospitalId}/live-queue", HOSPITAL_QUEUE, "hospitalId"),
            rule("/api/v1/hospitals/{hospitalId}/live-queue/**", HOSPITAL_QUEUE, "hospitalId"),
            rule("/api/v1/audit", AUDIT_LOG, null),
            rule("/api/v1/audit/**", AUDIT_LOG, null),
            // The same records over FHIR (docs/fhir.md): a hold creates an appointment, booking changes it.
            rule("/fhir/Patient/{patientId}", PATIENT, "patientId"),
            rule("/fhir/Patient", PATIENT, null),
            rule("/fhir/Patient/**", PATIENT, null),
            rule("/fhir/Appointment/{appointmentId}", APPOINTMENT, "appointmentId"),
            rule("/fhir/Appointment/{appointmentId}/$book", APPOINTMENT, "appointmentId"),
            rule("/fhir/Appointment", APPOINTMENT, null),
            rule("/fhir/Appointment/**", APPOINTMENT, null),
            rule("/fhir/Slot/$hold", APPOINTMENT, null),
            rule("/fhir/Slot/{slotId}/$hold", APPOINTMENT, null));

    private AuditedResources() {
    }

    private static Rule rule(String pattern, AuditResourceType type, String idVariable) {
        return new Rule(PARSER.parse(pattern), type, idVariable);
    }

    /**
     * @param path  the path within the application, without the query ({@code request.getRequestURI()}
     *              less the context path)
     * @param query the raw query string, or null
     * @return what the request is about; empty when it is not access to a patient record
     */
    public static Optional<AuditedRequest> match(String method, String path, String query) {
        if ("OPTIONS".equalsIgnoreCase(method)) {
            return Optional.empty();
        }
        PathContainer container = PathContainer.parsePath(path);
        for (Rule rule : RULES) {
            PathPattern.PathMatchInfo match = rule.pattern().matchAndExtract(container);
            if (match != null) {
                UUID resourceId = rule.idVariable() == null ? null : uuid(match.getUriVariables().get(rule.idVariable()));
                UUID patientId = rule.type() == PATIENT ? resourceId : uuid(parameter(query, PATIENT_ID_PARAMETER));
                return Optional.of(new AuditedRequest(rule.type(), resourceId,
                        action(method, rule.idVariable() != null), template(rule, query), patientId));
            }
        }
        return Optional.empty();
    }

    /**
     * The record a creation answered with, from its {@code Location} ({@code /api/v1/tokens/{id}}),
     * when that names a record of the same type.
     */
    public static Optional<UUID> created(AuditedRequest request, String location) {
        if (location == null || request.action() != AuditAction.CREATE) {
            return Optional.empty();
        }
        String path = location.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
        return match("GET", path.contains("?") ? path.substring(0, path.indexOf('?')) : path, null)
                .filter(target -> target.resourceType() == request.resourceType())
                .map(AuditedRequest::resourceId);
    }

    private static AuditAction action(String method, boolean aboutOneRecord) {
        if ("GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method)) {
            return AuditAction.READ;
        }
        return "POST".equalsIgnoreCase(method) && !aboutOneRecord ? AuditAction.CREATE : AuditAction.CHANGE;
    }

    /** The pattern and the distinct names of the query parameters, in their order; a name that could be data is left out. */
    private static String template(Rule rule, String query) {
        Set<String> names = new LinkedHashSet<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String name = decode(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
            if (name != null && PARAMETER_NAME.matcher(name).matches()) {
                names.add(name);
            }
        }
        String template = rule.pattern().getPatternString() + (names.isEmpty() ? "" : "?" + String.join("&", names));
        return template.length() <= MAX_PATH_LENGTH ? template : template.substring(0, MAX_PATH_LENGTH);
    }

    private static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && name.equals(decode(pair.substring(0, equals)))) {
                return decode(pair.substring(equals + 1));
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An id that is not a UUID is not kept: the request was refused anyway, and the text could be anything. */
    private static UUID uuid(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
