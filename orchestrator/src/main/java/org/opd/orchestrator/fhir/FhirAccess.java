package org.opd.orchestrator.fhir;

import static org.opd.schemas.identity.Role.ADMIN;
import static org.opd.schemas.identity.Role.DEPARTMENT_HEAD;
import static org.opd.schemas.identity.Role.DOCTOR;
import static org.opd.schemas.identity.Role.NURSE;
import static org.opd.schemas.identity.Role.OPERATIONS;
import static org.opd.schemas.identity.Role.PATIENT;
import static org.opd.schemas.identity.Role.RECEPTIONIST;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.opd.schemas.identity.Role;
import org.opd.security.Caller;
import org.opd.security.PermissionDeniedException;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may make each FHIR call: the roles of the same calls of {@code /api/v1} (ApiAccess). Which records a
 * caller then reaches (their hospital, a department head's department, a patient's own records) the
 * controllers decide, by the same scope rules as the API.
 */
final class FhirAccess {

    /** Master data and free slots: every staff role, and patients (who book). */
    static final Set<Role> DIRECTORY = EnumSet.of(ADMIN, RECEPTIONIST, NURSE, DOCTOR, DEPARTMENT_HEAD, OPERATIONS, PATIENT);
    /** A patient's records: as GET /api/v1/appointments/{id} and /api/v1/patients/{id}. */
    static final Set<Role> PATIENT_RECORDS = EnumSet.of(RECEPTIONIST, NURSE, DOCTOR, DEPARTMENT_HEAD, PATIENT);
    /** Holding and booking: as POST /api/v1/appointments. */
    static final Set<Role> BOOKERS = EnumSet.of(RECEPTIONIST, PATIENT);

    record Rule(HttpMethod method, String path, Set<Role> roles) implements AuthorizationManager<RequestAuthorizationContext> {

        @Override
        @Deprecated
        public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
            if (!(authentication.get() instanceof JwtAuthenticationToken token)) {
                return new AuthorizationDecision(false);
            }
            Caller caller = Caller.of(token.getToken());
            if (roles.stream().noneMatch(caller::has)) {
                throw new PermissionDeniedException(roles.stream().map(Role::name).sorted()
                        .collect(Collectors.joining(" or ", "role ", "")));
            }
            return new AuthorizationDecision(true);
        }
    }

    static final List<Rule> RULES = rules();

    private FhirAccess() {
    }

    private static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        String base = FhirConfiguration.BASE;
        // Operations first: their paths would otherwise match a read by id.
        rules.add(new Rule(HttpMethod.GET, base + "/Appointment/$find", DIRECTORY));
        rules.add(new Rule(HttpMethod.POST, base + "/Appointment/$find", DIRECTORY));
        rules.add(new Rule(HttpMethod.POST, base + "/Slot/$hold", BOOKERS));
        rules.add(new Rule(HttpMethod.POST, base + "/Slot/*/$hold", BOOKERS));
        rules.add(new Rule(HttpMethod.POST, base + "/Appointment/$book", BOOKERS));
        rules.add(new Rule(HttpMethod.POST, base + "/Appointment/*/$book", BOOKERS));
        for (String type : List.of("Practitioner", "HealthcareService", "Location", "Schedule", "Slot")) {
            rules.add(new Rule(HttpMethod.GET, base + "/" + type, DIRECTORY));
            rules.add(new Rule(HttpMethod.GET, base + "/" + type + "/*", DIRECTORY));
        }
        for (String type : List.of("Appointment", "Patient")) {
            rules.add(new Rule(HttpMethod.GET, base + "/" + type, PATIENT_RECORDS));
            rules.add(new Rule(HttpMethod.GET, base + "/" + type + "/*", PATIENT_RECORDS));
        }
        return List.copyOf(rules);
    }
}
