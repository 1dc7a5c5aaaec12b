package org.opd.orchestrator.identity.otp;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.error.TooManyRequestsException;
import org.opd.orchestrator.identity.otp.OneTimeCodeRepository.CountedBy;
import org.opd.orchestrator.identity.otp.OneTimeCodeRepository.LiveCode;
import org.opd.orchestrator.outbox.OutboxEvent;
import org.opd.orchestrator.outbox.OutboxWriter;
import org.opd.orchestrator.patient.Patient;
import org.opd.orchestrator.patient.PatientService;
import org.opd.schemas.identity.OneTimeCodeIssued;
import org.opd.schemas.identity.OneTimeCodeSeal;
import org.opd.schemas.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patient sign-in by phone: {@link #issue} sends a 6-digit code by SMS (through the outbox and the
 * notifier), {@link #verify} exchanges it for the ids of the patients registered with the phone. Neither
 * answer tells whether a phone is registered: an unknown phone is counted and refused exactly like a
 * known one, only no SMS goes out. Phone numbers and codes are never logged.
 */
@Service
public class OneTimeCodes {

    private static final Logger log = LoggerFactory.getLogger(OneTimeCodes.class);
    private static final int CODE_SPACE = 1_000_000;

    private final OneTimeCodeRepository codes;
    private final PatientService patients;
    private final OutboxWriter outbox;
    private final OneTimeCodeProperties properties;
    private final PhoneNumbers phoneNumbers;
    private final CodeHashes hashes;
    private final OneTimeCodeSeal seal;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OneTimeCodes(OneTimeCodeRepository codes, PatientService patients, OutboxWriter outbox,
            OneTimeCodeProperties properties, OneTimeCodeSeal seal, Clock clock) {
        this.codes = codes;
        this.patients = patients;
        this.outbox = outbox;
        this.properties = properties;
        this.phoneNumbers = new PhoneNumbers(properties.defaultCountryCode());
        this.hashes = new CodeHashes(properties.hashKey());
        this.seal = seal;
        this.clock = clock;
    }

    /**
     * Sends a new sign-in code to the phone if a patient of the hospital is registered with it; returns
     * normally either way. The code and its outbox event commit together.
     *
     * @param phone         as the patient types it; normalised to E.164 ({@code +91 98765-43210})
     * @param clientAddress who asks (the caller's IP address), for the per-address limit
     * @throws InvalidInputException     when {@code phone} is not a phone number (400)
     * @throws TooManyRequestsException  when the phone or the address reached its limit (429, {@code Retry-After}); nothing is recorded
     */
    @Transactional
    public void issue(UUID hospitalId, String phone, String clientAddress) {
        String e164 = phoneNumbers.normalise(phone)
                .orElseThrow(() -> new InvalidInputException("phone", "must be a phone number"));
        String address = clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress.strip();
        Instant now = clock.instant();
        codes.lockFor(e164, address);
        refuseOverLimit(CountedBy.PHONE, e164, properties.perPhone(), now, "for this phone");
        refuseOverLimit(CountedBy.CLIENT_ADDRESS, address, properties.perClientAddress(), now, "from this address");

        UUID codeId = UUID.randomUUID();
        Instant expiresAt = now.plus(properties.validity());
        Optional<Patient> recipient = registeredWith(hospitalId, e164).stream().findFirst();
        if (recipient.isEmpty()) {
            // Counted like any request, so that the limits and the answer are the same for every phone.
            codes.insert(codeId, hospitalId, e164, null, now, expiresAt, address);
            log.info("Sign-in code requested for hospital {}: no patient has the phone; nothing sent", hospitalId);
            return;
        }
        String code = "%06d".formatted(random.nextInt(CODE_SPACE));
        codes.insert(codeId, hospitalId, e164, hashes.hash(codeId, code), now, expiresAt, address);
        UUID patientId = recipient.get().patientId();
        UUID eventId = UUID.randomUUID();
        outbox.append(new OutboxEvent(eventId, Topics.IDENTITY_AGGREGATE, patientId.toString(), OneTimeCodeIssued.TYPE,
                OneTimeCodeIssued.SCHEMA_VERSION, new OneTimeCodeIssued(OneTimeCodeIssued.SCHEMA_VERSION, eventId, now,
                        patientId, hospitalId, seal.seal(code, patientId), expiresAt)));
        log.info("Sign-in code {} issued for patient {}, event {}", codeId, patientId, eventId);
    }

    /**
     * Checks the newest unexpired code issued for the phone in the hospital. Every call counts as an
     * attempt, also a refused one (in a transaction of its own, committed whatever the caller's does); a
     * code takes {@code max-attempts} attempts and works once.
     *
     * @return the ids of the patients of the hospital registered with the phone, oldest first
     * @throws InvalidOneTimeCodeException whatever is wrong: the code, its age, its use, the phone (401)
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = InvalidOneTimeCodeException.class)
    public List<UUID> verify(UUID hospitalId, String phone, String code) {
        Optional<String> e164 = phoneNumbers.normalise(phone);
        if (e164.isEmpty() || code == null) {
            throw new InvalidOneTimeCodeException();
        }
        Instant now = clock.instant();
        LiveCode live = codes.lockNewestUnexpired(hospitalId, e164.get(), now)
                .orElseThrow(InvalidOneTimeCodeException::new);
        if (live.consumed() || live.attempts() >= properties.maxAttempts()) {
            throw new InvalidOneTimeCodeException();
        }
        boolean right = hashes.matches(live.id(), code.strip(), live.codeHash());
        codes.recordAttempt(live.id(), right, now);
        if (!right) {
            log.info("Sign-in code {} refused, attempt {} of {}", live.id(), live.attempts() + 1,
                    properties.maxAttempts());
            throw new InvalidOneTimeCodeException();
        }
        List<UUID> patientIds = registeredWith(hospitalId, e164.get()).stream().map(Patient::patientId).toList();
        if (patientIds.isEmpty()) {
            // The patient's phone changed since the code was sent.
            throw new InvalidOneTimeCodeException();
        }
        log.info("Sign-in code {} accepted for {} patient(s)", live.id(), patientIds.size());
        return patientIds;
    }

    private void refuseOverLimit(CountedBy countedBy, String value, OneTimeCodeProperties.Limit limit, Instant now,
            String what) {
        Optional<Instant> oldestCounted = codes.nthNewest(countedBy, value, now.minus(limit.window()), limit.max());
        if (oldestCounted.isPresent()) {
            Duration retryAfter = Duration.between(now, oldestCounted.get().plus(limit.window()));
            throw new TooManyRequestsException("too-many-codes", "Too many sign-in codes were asked for " + what
                    + "; try again later", retryAfter.isNegative() ? Duration.ZERO : retryAfter);
        }
    }

    /** The hospital's patients whose registered phone is this E.164 number, however it was written. */
    private List<Patient> registeredWith(UUID hospitalId, String e164) {
        return patients.withPhoneAmong(hospitalId, phoneNumbers.writtenForms(e164)).stream()
                .filter(patient -> phoneNumbers.normalise(patient.phone()).filter(e164::equals).isPresent())
                .toList();
    }
}
