package org.opd.notifier.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opd.notifier.NotifierProperties;
import org.opd.notifier.delivery.DeliveryQueue;
import org.opd.notifier.delivery.NewSignInCode;
import org.opd.notifier.template.MessageTemplates;
import org.opd.schemas.identity.OneTimeCodeIssued;
import org.opd.schemas.identity.OneTimeCodeSeal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code opd.identity-events} in the group {@code opd-notifier}: a sign-in code the patient
 * asked for becomes one SMS, in their language, logged with the code masked.
 *
 * <p>SMS whatever the patient's opt-ins: they govern the messages we send of our own accord (queue
 * news), while this one the patient has just asked for, on the phone they typed, and it is the only way
 * a code reaches them. WhatsApp is not used: a code must not depend on which apps the patient has.
 *
 * <p>An expired code is not sent. A code that does not open under our key (another key than the
 * orchestrator's, or altered) throws, so that the error handler retries and then reports it; nothing is
 * logged about the code beyond the event id.
 */
@Component
class OneTimeCodesListener {

    static final String LISTENER_ID = "identity-events";

    private static final Logger log = LoggerFactory.getLogger(OneTimeCodesListener.class);

    private final JdbcTemplate jdbc;
    private final DeliveryQueue queue;
    private final OneTimeCodeSeal seal;
    private final MessageTemplates templates;
    private final Clock clock = Clock.systemUTC();

    OneTimeCodesListener(JdbcTemplate jdbc, DeliveryQueue queue, OneTimeCodeSeal seal, NotifierProperties properties) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.seal = seal;
        this.templates = new MessageTemplates(properties.defaultLanguage());
    }

    @KafkaListener(id = LISTENER_ID, groupId = ConsumerConfiguration.GROUP_ID,
            topics = "#{T(org.opd.schemas.kafka.Topics).IDENTITY_EVENTS.name()}",
            containerFactory = ConsumerConfiguration.IDENTITY_EVENTS_FACTORY)
    void onCodeIssued(ConsumerRecord<String, OneTimeCodeIssued> record) {
        OneTimeCodeIssued event = record.value();
        if (event == null) {
            log.warn("Empty identity event at {}-{}@{}; skipped", record.topic(), record.partition(), record.offset());
            return;
        }
        try (var eventId = MDC.putCloseable("eventId", String.valueOf(event.eventId()))) {
            if (!clock.instant().isBefore(event.expiresAt())) {
                log.info("Sign-in code for patient {} expired before it could be sent; not sent", event.patientId());
                return;
            }
            // Checked now, so that a wrong key shows at once; opened again only as the SMS goes out.
            seal.unseal(event.sealedCode(), event.patientId());
            Optional<String> language = patientLanguage(event);
            long minutes = Math.max(1, Duration.between(event.occurredAt(), event.expiresAt()).toSeconds() / 60);
            queue.enqueue(new NewSignInCode(event.eventId(), event.patientId(),
                    templates.signInCode(minutes, language.orElse(null)), event.sealedCode(), event.expiresAt()));
        }
    }

    /** The patient's preferred language (empty: none). The outbox row committed with the code, so the patient exists. */
    private Optional<String> patientLanguage(OneTimeCodeIssued event) {
        return jdbc.query("SELECT preferred_language FROM patients WHERE patient_id = ?",
                        (rs, row) -> Optional.ofNullable(rs.getString("preferred_language")), event.patientId())
                .stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Patient " + event.patientId() + " is not in the database"));
    }
}
