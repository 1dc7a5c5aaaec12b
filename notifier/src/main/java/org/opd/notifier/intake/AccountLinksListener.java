package org.opd.notifier.intake;

import java.time.Clock;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opd.notifier.accountmail.AccountMails;
import org.opd.schemas.identity.AccountLinkIssued;
import org.opd.schemas.identity.OneTimeCodeSeal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.mail.MailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Consumes {@code opd.account-events} in the group {@code opd-notifier}: each account link becomes one
 * e-mail to the account's address. The log row is written in the transaction the mail is sent in, so a
 * failed send is retried (the error handler's back-off) and a redelivered event mails nothing twice.
 * Neither the address nor the token is logged.
 *
 * <p>Runs only with an SMTP server configured ({@code spring.mail.host}); without one the events wait
 * on the topic, within its retention, for a notifier that can mail them.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
class AccountLinksListener {

    static final String LISTENER_ID = "account-events";

    private static final Logger log = LoggerFactory.getLogger(AccountLinksListener.class);

    private final JdbcTemplate jdbc;
    private final MailSender mailSender;
    private final OneTimeCodeSeal seal;
    private final AccountMails mails;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    AccountLinksListener(JdbcTemplate jdbc, MailSender mailSender, OneTimeCodeSeal seal, AccountMails mails, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.seal = seal;
        this.mails = mails;
        this.meters = meters;
    }

    @KafkaListener(id = LISTENER_ID, groupId = ConsumerConfiguration.GROUP_ID,
            topics = "#{T(org.opd.schemas.kafka.Topics).ACCOUNT_EVENTS.name()}",
            containerFactory = ConsumerConfiguration.ACCOUNT_EVENTS_FACTORY)
    @Transactional
    public void onLinkIssued(ConsumerRecord<String, AccountLinkIssued> record) {
        AccountLinkIssued event = record.value();
        if (event == null) {
            log.warn("Empty account event at {}-{}@{}; skipped", record.topic(), record.partition(), record.offset());
            return;
        }
        try (var eventId = MDC.putCloseable("eventId", String.valueOf(event.eventId()))) {
            if (!clock.instant().isBefore(event.expiresAt())) {
                outcome(event, "expired");
                log.info("{} link for account {} expired before it could be mailed; not sent", event.purpose(), event.accountId());
                return;
            }
            Optional<Recipient> recipient = recipient(event);
            if (recipient.isEmpty()) {
                outcome(event, "inactive");
                log.info("{} link for account {} not mailed: the account is gone or disabled", event.purpose(), event.accountId());
                return;
            }
            int logged = jdbc.update("""
                    INSERT INTO account_mail_log (event_id, account_id, purpose, sent_at) VALUES (?, ?, ?, now())
                    ON CONFLICT (event_id) DO NOTHING
                    """, event.eventId(), event.accountId(), event.purpose().name());
            if (logged == 0) {
                outcome(event, "duplicate");
                log.info("{} link event for account {} was mailed before; not sent again", event.purpose(), event.accountId());
                return;
            }
            String token = seal.unseal(event.sealedToken(), event.accountId());
            mailSender.send(mails.write(recipient.get().email(), recipient.get().displayName(), event.purpose(), token,
                    clock.instant(), event.expiresAt()));
            outcome(event, "sent");
            log.info("{} link mailed to account {}", event.purpose(), event.accountId());
        }
    }

    private Optional<Recipient> recipient(AccountLinkIssued event) {
        return jdbc.query("SELECT email, display_name FROM staff_accounts WHERE account_id = ? AND status = 'ACTIVE'",
                (rs, row) -> new Recipient(rs.getString("email"), rs.getString("display_name")), event.accountId())
                .stream().findFirst();
    }

    private void outcome(AccountLinkIssued event, String outcome) {
        meters.counter("opd.notifier.account.mails", "purpose", event.purpose().name(), "outcome", outcome).increment();
    }

    private record Recipient(String email, String displayName) {
    }
}
