package org.opd.orchestrator.access;

import static org.opd.orchestrator.access.AccessRule.Target.EVERY_HOSPITAL;
import static org.opd.orchestrator.access.AccessRule.Target.PATH;
import static org.opd.orchestrator.access.AccessRule.Target.PUBLIC;
import static org.opd.orchestrator.access.AccessRule.Target.QUERY;
import static org.opd.orchestrator.access.AccessRule.Target.ROLES_ONLY;
import static org.opd.schemas.identity.Role.ADMIN;
import static org.opd.schemas.identity.Role.DEPARTMENT_HEAD;
import static org.opd.schemas.identity.Role.DISPLAY;
import static org.opd.schemas.identity.Role.DOCTOR;
import static org.opd.schemas.identity.Role.NURSE;
import static org.opd.schemas.identity.Role.OPERATIONS;
import static org.opd.schemas.identity.Role.PATIENT;
import static org.opd.schemas.identity.Role.RECEPTIONIST;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.opd.orchestrator.access.AccessRule.Target;
import org.opd.schemas.identity.Role;
import org.springframework.http.HttpMethod;

/**
 * Who may make each call of the API — the one table of it. A call that is not here is refused
 * to everyone (and a test fails when an endpoint of the OpenAPI document is missing).
 */
final class ApiAccess {

    private static final Set<Role> STAFF = EnumSet.of(ADMIN, RECEPTIONIST, NURSE, DOCTOR, DEPARTMENT_HEAD, OPERATIONS);
    private static final Set<Role> STAFF_AND_PATIENTS = EnumSet.of(ADMIN, RECEPTIONIST, NURSE, DOCTOR, DEPARTMENT_HEAD, OPERATIONS, PATIENT);
    private static final Set<Role> CLINICAL = EnumSet.of(RECEPTIONIST, NURSE, DOCTOR, DEPARTMENT_HEAD);
    private static final Set<Role> SCREENS = EnumSet.of(ADMIN, RECEPTIONIST, NURSE, DOCTOR, DEPARTMENT_HEAD, OPERATIONS, DISPLAY);
    private static final String API = "/api/v1";

    static final List<AccessRule> RULES = new Builder()
            // Hospitals and departments: master data of administrators; department heads keep their department's settings.
            .add(POST, "/hospitals", EVERY_HOSPITAL, null, ADMIN)
            .add(GET, "/hospitals", ROLES_ONLY, null, STAFF)
            .add(GET, "/hospitals/{hospitalId}", PATH, Resource.HOSPITAL, SCREENS)
            .add(PUT, "/hospitals/{hospitalId}/status", PATH, Resource.HOSPITAL, ADMIN)
            .add(POST, "/hospitals/{hospitalId}/departments", PATH, Resource.HOSPITAL, ADMIN)
            .add(GET, "/hospitals/{hospitalId}/departments", PATH, Resource.HOSPITAL, SCREENS)
            .add(GET, "/departments/{deptId}", PATH, Resource.DEPARTMENT, SCREENS)
            .add(PUT, "/departments/{deptId}/settings", PATH, Resource.DEPARTMENT, ADMIN, DEPARTMENT_HEAD)
            .add(PUT, "/departments/{deptId}/status", PATH, Resource.DEPARTMENT, ADMIN)
            // Cabins, doctors and shifts: administrators and the department's head.
            .add(POST, "/departments/{deptId}/cabins", PATH, Resource.DEPARTMENT, ADMIN, DEPARTMENT_HEAD)
            .add(GET, "/departments/{deptId}/cabins", PATH, Resource.DEPARTMENT, SCREENS)
            .add(GET, "/cabins/{cabinId}", PATH, Resource.CABIN, SCREENS)
            .add(PUT, "/cabins/{cabinId}/status", PATH, Resource.CABIN, ADMIN, DEPARTMENT_HEAD, NURSE)
            .add(POST, "/hospitals/{hospitalId}/doctors", PATH, Resource.HOSPITAL, ADMIN, DEPARTMENT_HEAD)
            .add(GET, "/hospitals/{hospitalId}/doctors", PATH, Resource.HOSPITAL, SCREENS)
            .add(GET, "/doctors/{doctorId}", PATH, Resource.DOCTOR, SCREENS)
            .add(PUT, "/doctors/{doctorId}/settings", PATH, Resource.DOCTOR, ADMIN, DEPARTMENT_HEAD)
            .ownDoctor(PUT, "/doctors/{doctorId}/status", Resource.DOCTOR, ADMIN, DEPARTMENT_HEAD, NURSE, DOCTOR)
            .add(POST, "/shifts", ROLES_ONLY, null, ADMIN, DEPARTMENT_HEAD)
            .query(GET, "/shifts", filters(Resource.DOCTOR, Resource.CABIN, Resource.DEPARTMENT), STAFF)
            .add(GET, "/shifts/{assignmentId}", PATH, Resource.SHIFT, STAFF)
            .add(POST, "/shifts/{assignmentId}/cancel", PATH, Resource.SHIFT, ADMIN, DEPARTMENT_HEAD)
            .ownDoctor(POST, "/shifts/{assignmentId}/start", Resource.SHIFT, DEPARTMENT_HEAD, NURSE, DOCTOR)
            .ownDoctor(POST, "/shifts/{assignmentId}/end", Resource.SHIFT, DEPARTMENT_HEAD, NURSE, DOCTOR)
            // Weekly schedules and the shifts planned from them: like shifts, administrators and the department's head.
            .add(GET, "/doctors/{doctorId}/weekly-schedule", PATH, Resource.DOCTOR, STAFF)
            .add(PUT, "/doctors/{doctorId}/weekly-schedule", PATH, Resource.DOCTOR, ADMIN, DEPARTMENT_HEAD)
            .add(POST, "/doctors/{doctorId}/weekly-schedule/shifts", PATH, Resource.DOCTOR, ADMIN, DEPARTMENT_HEAD)
            // Booking ahead: the desk or the patient books and cancels; staff and patients see the free slots.
            .add(GET, "/doctors/{doctorId}/available-slots", PATH, Resource.DOCTOR, STAFF_AND_PATIENTS)
            .add(POST, "/appointments", ROLES_ONLY, null, RECEPTIONIST, PATIENT)
            .add(GET, "/appointments/{appointmentId}", PATH, Resource.APPOINTMENT, RECEPTIONIST, NURSE, DOCTOR, DEPARTMENT_HEAD, PATIENT)
            .add(POST, "/appointments/{appointmentId}/cancel", PATH, Resource.APPOINTMENT, RECEPTIONIST, PATIENT)
            .add(POST, "/appointments/{appointmentId}/confirm", PATH, Resource.APPOINTMENT, RECEPTIONIST, PATIENT)
            // Waitlists: the desk or the patient joins and leaves; the doctor's clinical staff see the day's list.
            .add(POST, "/doctors/{doctorId}/waitlist", PATH, Resource.DOCTOR, RECEPTIONIST, PATIENT)
            .add(GET, "/doctors/{doctorId}/waitlist", PATH, Resource.DOCTOR, CLINICAL)
            .add(GET, "/waitlist-entries/{entryId}", PATH, Resource.WAITLIST_ENTRY, RECEPTIONIST, NURSE, DOCTOR, DEPARTMENT_HEAD, PATIENT)
            .add(DELETE, "/waitlist-entries/{entryId}", PATH, Resource.WAITLIST_ENTRY, RECEPTIONIST, PATIENT)
            .add(PUT, "/doctors/{doctorId}/booking-fee", PATH, Resource.DOCTOR, ADMIN, DEPARTMENT_HEAD)
            // Specialties: a lookup shared by every hospital, kept by administrators; the directory finds doctors by them.
            .add(POST, "/specialties", ROLES_ONLY, null, ADMIN)
            .add(GET, "/specialties", ROLES_ONLY, null, STAFF_AND_PATIENTS)
            .add(PUT, "/doctors/{doctorId}/specialty", PATH, Resource.DOCTOR, ADMIN, DEPARTMENT_HEAD)
            .add(GET, "/hospitals/{hospitalId}/doctor-directory", PATH, Resource.HOSPITAL, STAFF_AND_PATIENTS)
            // The payment provider's webhook: its HMAC signature over the body is the credential.
            .open(POST, "/payment-webhooks/razorpay")
            // The WhatsApp booking assistant: administrators say which number books for the hospital; Meta calls
            // the webhook, whose X-Hub-Signature-256 over the body (GET: the verify token) is the credential.
            .add(PUT, "/hospitals/{hospitalId}/whatsapp-assistant", PATH, Resource.HOSPITAL, ADMIN)
            .open(GET, "/whatsapp-webhooks/booking")
            .open(POST, "/whatsapp-webhooks/booking")
            // Cal.com sync: administrators connect the hospital and its doctors; operators work the parked deliveries.
            .add(PUT, "/hospitals/{hospitalId}/cal-com", PATH, Resource.HOSPITAL, ADMIN)
            .add(PUT, "/doctors/{doctorId}/cal-com", PATH, Resource.DOCTOR, ADMIN, DEPARTMENT_HEAD)
            .add(GET, "/hospitals/{hospitalId}/cal-com/parked-bookings", PATH, Resource.HOSPITAL, ADMIN, OPERATIONS, RECEPTIONIST)
            .add(POST, "/hospitals/{hospitalId}/cal-com/parked-bookings/{parkedId}/retry", PATH, Resource.HOSPITAL, ADMIN, OPERATIONS, RECEPTIONIST)
            .add(POST, "/hospitals/{hospitalId}/cal-com/parked-bookings/{parkedId}/dismiss", PATH, Resource.HOSPITAL, ADMIN, OPERATIONS)
            // Cal.com's webhook: its HMAC signature over the body, with the hospital's secret, is the credential.
            .open(POST, "/cal-com-webhooks/{hospitalId}")
            // ABDM Scan & Share: administrators say which department a counter's QR issues tokens for.
            .add(PUT, "/departments/{deptId}/abdm-counter", PATH, Resource.DEPARTMENT, ADMIN)
            // Doctors' absences: asked for and approved by the department's head (administrators may ask too).
            .add(POST, "/schedule-exceptions", ROLES_ONLY, null, ADMIN, DEPARTMENT_HEAD)
            .add(GET, "/schedule-exceptions/{exceptionId}", PATH, Resource.SCHEDULE_EXCEPTION, ADMIN, DEPARTMENT_HEAD, OPERATIONS)
            .add(POST, "/schedule-exceptions/{exceptionId}/approve", PATH, Resource.SCHEDULE_EXCEPTION, DEPARTMENT_HEAD)
            // Their redistribution: previewed and applied by the department's head or an administrator, who set its rule.
            .add(GET, "/schedule-exceptions/{exceptionId}/redistribution/preview", PATH, Resource.SCHEDULE_EXCEPTION, ADMIN, DEPARTMENT_HEAD)
            .add(POST, "/schedule-exceptions/{exceptionId}/redistribution/apply", PATH, Resource.SCHEDULE_EXCEPTION, ADMIN, DEPARTMENT_HEAD)
            .add(PUT, "/departments/{deptId}/unplaced-token-rule", PATH, Resource.DEPARTMENT, ADMIN, DEPARTMENT_HEAD)
            // Patients: registered at the desk; a patient sees and corrects their own.
            .add(POST, "/hospitals/{hospitalId}/patients", PATH, Resource.HOSPITAL, RECEPTIONIST, NURSE)
            .add(GET, "/hospitals/{hospitalId}/patients", PATH, Resource.HOSPITAL, CLINICAL)
            .add(GET, "/patients/{patientId}", PATH, Resource.PATIENT, RECEPTIONIST, NURSE, DOCTOR, DEPARTMENT_HEAD, PATIENT)
            .add(PUT, "/patients/{patientId}/contact", PATH, Resource.PATIENT, RECEPTIONIST, PATIENT)
            // Tokens: the desk issues and checks in, nurses triage and mark no-shows, a doctor moves their own queue.
            .add(POST, "/tokens", ROLES_ONLY, null, RECEPTIONIST, NURSE)
            .query(GET, "/tokens", filters(Resource.HOSPITAL, Resource.DEPARTMENT, Resource.DOCTOR, Resource.PATIENT),
                    RECEPTIONIST, NURSE, DOCTOR, DEPARTMENT_HEAD, OPERATIONS, PATIENT)
            .add(GET, "/tokens/{tokenId}", PATH, Resource.TOKEN, RECEPTIONIST, NURSE, DOCTOR, DEPARTMENT_HEAD, OPERATIONS, PATIENT)
            .add(POST, "/tokens/{tokenId}/check-in", PATH, Resource.TOKEN, RECEPTIONIST, NURSE, PATIENT)
            .add(POST, "/tokens/{tokenId}/wait", PATH, Resource.TOKEN, NURSE)
            .ownDoctor(POST, "/tokens/{tokenId}/start", Resource.TOKEN, DOCTOR)
            .ownDoctor(POST, "/tokens/{tokenId}/complete", Resource.TOKEN, DOCTOR)
            // A doctor whose called patient never came marks it from the console, in their own queue only.
            .ownDoctor(POST, "/tokens/{tokenId}/no-show", Resource.TOKEN, NURSE, DOCTOR)
            .add(POST, "/tokens/{tokenId}/cancel", PATH, Resource.TOKEN, RECEPTIONIST, PATIENT)
            .add(POST, "/tokens/{tokenId}/reschedule", PATH, Resource.TOKEN, RECEPTIONIST, PATIENT)
            .ownDoctor(POST, "/doctors/{doctorId}/call-next", Resource.DOCTOR, DOCTOR)
            // Moves between and within lines: the desk and nurses park and recall; a doctor sends their own patient elsewhere.
            .add(POST, "/tokens/{tokenId}/park", PATH, Resource.TOKEN, RECEPTIONIST, NURSE, DEPARTMENT_HEAD)
            .add(POST, "/tokens/{tokenId}/recall", PATH, Resource.TOKEN, RECEPTIONIST, NURSE, DEPARTMENT_HEAD)
            .ownDoctor(POST, "/tokens/{tokenId}/transfer", Resource.TOKEN, NURSE, DEPARTMENT_HEAD, DOCTOR)
            // Consultation notes: written by the token's doctor; read by the token's doctor (the treating
            // doctor) and by the patient. The ICD-10 code list is reference data for every staff member.
            .ownDoctor(POST, "/tokens/{tokenId}/notes", Resource.CONSULTATION, DOCTOR)
            .ownDoctor(GET, "/tokens/{tokenId}/notes", Resource.CONSULTATION, DOCTOR, PATIENT)
            .add(GET, "/icd10-codes", ROLES_ONLY, null, STAFF)
            // Live queues: staff and waiting-room screens (names masked).
            .add(GET, "/doctors/{doctorId}/queue", PATH, Resource.DOCTOR, SCREENS)
            .add(GET, "/departments/{deptId}/queue", PATH, Resource.DEPARTMENT, SCREENS)
            .add(GET, "/departments/{deptId}/display", PATH, Resource.DEPARTMENT, SCREENS)
            .add(GET, "/departments/{deptId}/display/stream", PATH, Resource.DEPARTMENT, SCREENS)
            .add(GET, "/doctors/{doctorId}/queue/stream", PATH, Resource.DOCTOR, SCREENS)
            // Operations.
            .query(GET, "/alerts", filters(Resource.HOSPITAL), OPERATIONS, ADMIN, DEPARTMENT_HEAD)
            .add(POST, "/alerts/{alertId}/acknowledge", PATH, Resource.ALERT, OPERATIONS, ADMIN, DEPARTMENT_HEAD)
            .add(POST, "/alerts/{alertId}/resolve", PATH, Resource.ALERT, OPERATIONS, ADMIN, DEPARTMENT_HEAD)
            .add(GET, "/hospitals/{hospitalId}/alerts/stream", PATH, Resource.HOSPITAL, OPERATIONS, ADMIN, DEPARTMENT_HEAD)
            .add(GET, "/hospitals/{hospitalId}/live-queue", PATH, Resource.HOSPITAL, OPERATIONS, ADMIN, DEPARTMENT_HEAD)
            .add(GET, "/hospitals/{hospitalId}/doctor-status", PATH, Resource.HOSPITAL, OPERATIONS, ADMIN, DEPARTMENT_HEAD)
            .add(GET, "/hospitals/{hospitalId}/bottlenecks", PATH, Resource.HOSPITAL, OPERATIONS, ADMIN, DEPARTMENT_HEAD)
            .add(GET, "/doctors/{doctorId}/reorders", PATH, Resource.DOCTOR, OPERATIONS, ADMIN, DEPARTMENT_HEAD)
            .ownDoctor(GET, "/doctors/{doctorId}/metrics", Resource.DOCTOR, OPERATIONS, ADMIN, DEPARTMENT_HEAD, DOCTOR)
            .add(GET, "/hospitals/{hospitalId}/doctor-metrics", PATH, Resource.HOSPITAL, OPERATIONS, ADMIN, DEPARTMENT_HEAD)
            .add(GET, "/hospitals/{hospitalId}/day-profile", PATH, Resource.HOSPITAL, OPERATIONS, ADMIN, DEPARTMENT_HEAD)
            // Accounts and credentials: administrators (the services check which hospital).
            .add(POST, "/staff-accounts", ROLES_ONLY, null, ADMIN)
            .query(GET, "/staff-accounts", filters(Resource.HOSPITAL), ADMIN)
            .add(POST, "/staff-accounts/{accountId}/disable", ROLES_ONLY, null, ADMIN)
            .add(POST, "/staff-accounts/{accountId}/tokens", ROLES_ONLY, null, ADMIN)
            // Anyone may ask for a reset link: it goes only to the account's own address.
            .open(POST, "/password-reset-mails")
            // The one-use token in the body is the credential.
            .open(POST, "/password-resets")
            .open(POST, "/email-confirmations")
            .add(POST, "/api-clients", ROLES_ONLY, null, ADMIN)
            .query(GET, "/api-clients", filters(Resource.HOSPITAL), ADMIN)
            .add(POST, "/api-clients/{credentialId}/revoke", ROLES_ONLY, null, ADMIN)
            // Patients sign in by a code to their phone (limited by rate), then renew their session.
            .open(POST, "/patient-sessions/codes")
            .open(POST, "/patient-sessions")
            .add(POST, "/patient-sessions/renew", ROLES_ONLY, null, PATIENT)
            // A patient's status page: the unguessable link of their messages is the credential (PatientStatuses).
            .open(GET, "/status-links/{link}")
            .open(GET, "/status-links/{link}/stream")
            // A slot offered from a waitlist: the unguessable link of the offer message is the credential (WaitlistOfferLinks).
            .open(POST, "/offer-links/{link}/confirm")
            // Who read or changed which patient's record.
            .query(GET, "/audit", filters(Resource.HOSPITAL, Resource.PATIENT), ADMIN)
            .build();

    private ApiAccess() {
    }

    private static Set<Resource> filters(Resource... resources) {
        return Set.of(resources);
    }

    private static final class Builder {

        private final List<AccessRule> rules = new ArrayList<>();

        Builder add(HttpMethod method, String path, Target target, Resource resource, Role... roles) {
            return add(method, path, target, resource, EnumSet.copyOf(List.of(roles)));
        }

        Builder add(HttpMethod method, String path, Target target, Resource resource, Set<Role> roles) {
            rules.add(new AccessRule(method, API + path, Set.copyOf(roles), target, resource, Set.of(), false));
            return this;
        }

        Builder query(HttpMethod method, String path, Set<Resource> filters, Role... roles) {
            return query(method, path, filters, EnumSet.copyOf(List.of(roles)));
        }

        Builder query(HttpMethod method, String path, Set<Resource> filters, Set<Role> roles) {
            rules.add(new AccessRule(method, API + path, Set.copyOf(roles), QUERY, null, filters, false));
            return this;
        }

        Builder ownDoctor(HttpMethod method, String path, Resource resource, Role... roles) {
            rules.add(new AccessRule(method, API + path, Set.of(roles), PATH, resource, Set.of(), true));
            return this;
        }

        Builder open(HttpMethod method, String path) {
            rules.add(new AccessRule(method, API + path, Set.of(), PUBLIC, null, Set.of(), false));
            return this;
        }

        List<AccessRule> build() {
            return List.copyOf(rules);
        }
    }
}
