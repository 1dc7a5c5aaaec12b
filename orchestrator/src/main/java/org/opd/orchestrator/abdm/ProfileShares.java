package org.opd.orchestrator.abdm;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.abdm.AbdmRepository.SharedToken;
import org.opd.orchestrator.department.Department;
import org.opd.orchestrator.department.DepartmentRepository;
import org.opd.orchestrator.error.BusinessRuleException;
import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.hospital.Hospital;
import org.opd.orchestrator.hospital.HospitalRepository;
import org.opd.orchestrator.logging.LogContext;
import org.opd.orchestrator.patient.ExternalPatients;
import org.opd.orchestrator.patient.NewPatient;
import org.opd.orchestrator.patient.Patient;
import org.opd.orchestrator.token.IssueToken;
import org.opd.orchestrator.token.LoadedToken;
import org.opd.orchestrator.token.TokenIssuer;
import org.opd.schemas.token.BookingType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Scan & Share: a patient scans the counter's QR in their ABHA app, the gateway shares their profile,
 * and the patient gets a token in the counter's department without queueing at the desk. The patient
 * is found by ABHA number, else by phone and name, else registered; the token is issued by the token
 * module's own issuer, to the department's doctor on shift with the shortest line. One share, one
 * token: the same request id, or the same ABHA number at the same department on the same day, is
 * answered with the token it got first. Patient, token and share are stored in one transaction; the
 * answer goes to the gateway as its on-share once that has committed, a replay's answer too.
 */
@Service
public class ProfileShares {

    private static final Logger log = LoggerFactory.getLogger(ProfileShares.class);
    static final String VISIT_REASON = "ABDM Scan & Share";
    private static final int NORMAL_PRIORITY = 1;

    private final AbdmRepository abdm;
    private final DepartmentRepository departments;
    private final HospitalRepository hospitals;
    private final ExternalPatients patients;
    private final TokenIssuer tokens;
    private final AbdmProperties properties;
    private final OnShareDelivery onShares;
    private final MeterRegistry meters;
    private final Clock clock;

    ProfileShares(AbdmRepository abdm, DepartmentRepository departments, HospitalRepository hospitals, ExternalPatients patients,
                  TokenIssuer tokens, AbdmProperties properties, OnShareDelivery onShares, MeterRegistry meters,
                  Clock clock) {
        this.abdm = abdm;
        this.departments = departments;
        this.hospitals = hospitals;
        this.patients = patients;
        this.tokens = tokens;
        this.properties = properties;
        this.onShares = onShares;
        this.meters = meters;
        this.clock = clock;
    }

    @Transactional
    public OnShare share(ProfileShare share) {
        abdm.lock("request " + share.requestId());
        SharedToken earlier = abdm.byRequest(share.requestId()).orElse(null);
        if (earlier != null) {
            return answer(share, earlier, true);
        }
        UUID deptId = abdm.departmentOf(share.hipId(), share.counterCode()).orElseThrow(() -> new NotFoundException(
                "ABDM counter", share.hipId() + "/" + share.counterCode()));
        Department department = departments.require(deptId);
        Hospital hospital = hospitals.require(department.hospitalId());
        ZonedDateTime now = clock.instant().atZone(hospital.zone());
        abdm.lock("token " + deptId + " " + share.abhaNumber() + " " + now.toLocalDate());
        SharedToken ofDay = abdm.ofDay(deptId, share.abhaNumber(), now.toLocalDate()).orElse(null);
        if (ofDay != null) {
            abdm.recordRequest(share.requestId(), ofDay.shareId());
            return answer(share, ofDay, true);
        }
        Patient patient = matchOrRegister(hospital.hospitalId(), share);
        UUID doctorId = abdm.leastLoadedDoctor(deptId, now.toLocalDate(), now.toLocalTime()).orElseThrow(() ->
                new BusinessRuleException("no-shift", "No shift", "No doctor of department " + deptId + " is on shift now",
                        Map.of("field", "profile.hipCode")));
        LoadedToken issued = tokens.issue(new IssueToken(patient.patientId(), doctorId, BookingType.WALK_IN, NORMAL_PRIORITY,
                clock.instant(), VISIT_REASON), null);
        UUID tokenId = issued.token().booking().tokenId();
        String number = issued.token().booking().tokenNumber();
        UUID shareId = abdm.recordToken(deptId, share.abhaNumber(), now.toLocalDate(), patient.patientId(), tokenId, number);
        abdm.recordRequest(share.requestId(), shareId);
        try (LogContext ignored = LogContext.token(tokenId, doctorId)) {
            log.info("ABDM profile share {} of facility {} counter {}: token {} issued", share.requestId(), share.hipId(),
                    share.counterCode(), number);
        }
        return answer(share, new SharedToken(shareId, tokenId, number), false);
    }

    @Transactional
    public void setCounter(UUID deptId, String hipId, String counterCode) {
        departments.require(deptId);
        abdm.saveCounter(hipId, counterCode, deptId);
    }

    private Patient matchOrRegister(UUID hospitalId, ProfileShare share) {
        UUID byAbha = abdm.patientWithAbha(hospitalId, share.abhaNumber()).orElse(null);
        if (byAbha != null) {
            return patients.require(byAbha);
        }
        String phone = patients.normalisedPhone(share.phone()).orElseThrow(() -> new InvalidInputException(
                "profile.patient.identifiers", "must hold the patient's MOBILE number"));
        Patient byPhone = patients.withPhoneAndName(hospitalId, phone, share.name()).orElse(null);
        if (byPhone != null) {
            abdm.linkAbha(byPhone.patientId(), share.abhaNumber(), share.abhaAddress());
            return byPhone;
        }
        Patient registered = patients.register(hospitalId, new NewPatient("ABHA-" + share.abhaNumber(), share.name(), phone,
                null, share.dateOfBirth(), share.gender(), null, null, null, null));
        abdm.linkAbha(registered.patientId(), share.abhaNumber(), share.abhaAddress());
        return registered;
    }

    /** {@code replayed}: the token was issued to an earlier share. */
    private OnShare answer(ProfileShare share, SharedToken token, boolean replayed) {
        Counter.builder("opd.abdm.profile-shares").description("ABDM profile shares answered, by whether a token was issued")
                .tag("outcome", replayed ? "REPLAYED" : "ISSUED").register(meters).increment();
        OnShare answer = OnShare.success(share, token.tokenNumber(), properties.tokenExpiry(), clock.instant());
        onShares.afterCommit(answer, token.tokenId());
        return answer;
    }
}
