package org.opd.notifier.intake;

import java.net.URI;
import java.util.Optional;

import org.opd.notifier.NotifierProperties;
import org.opd.notifier.channel.Channel;
import org.opd.notifier.delivery.AvailableChannels;
import org.opd.notifier.delivery.DeliveryQueue;
import org.opd.notifier.delivery.NewAppointmentMessage;
import org.opd.notifier.template.AppointmentFacts;
import org.opd.notifier.template.MessageTemplates;
import org.opd.schemas.appointment.AppointmentEvent;
import org.opd.schemas.notification.NotificationType;
import org.opd.schemas.status.OfferLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an appointment's news (a waitlist offer, a reminder) into one logged text message: looks up the patient
 * and the appointment, picks WhatsApp or SMS by their opt-ins, writes the text in their language. An offer
 * carries its link: the payment link of a paid doctor's hold, else the offer page where the patient confirms.
 */
@Component
class AppointmentIntake {

    private static final Logger log = LoggerFactory.getLogger(AppointmentIntake.class);

    private final AppointmentRecipients recipients;
    private final ChannelChoice channelChoice;
    private final MessageTemplates templates;
    private final DeliveryQueue queue;
    private final URI publicBaseUrl;
    private final OfferLinks offerLinks;

    AppointmentIntake(AppointmentRecipients recipients, AvailableChannels channels, DeliveryQueue queue,
                      NotifierProperties properties) {
        this.recipients = recipients;
        this.channelChoice = new ChannelChoice(channels);
        this.templates = new MessageTemplates(properties.defaultLanguage());
        this.queue = queue;
        this.publicBaseUrl = properties.statusPageBaseUrl();
        this.offerLinks = OfferLinks.withKey(properties.statusLinkKey());
    }

    void accept(AppointmentEvent event, NotificationType type) {
        // The outbox row commits with the appointment, so it is always there; if not, the listener's retries
        // and then its dead letter say so.
        AppointmentRecipient recipient = recipients.find(event.appointmentId()).orElseThrow(() -> new IllegalStateException(
                "Appointment " + event.appointmentId() + " is not in the database"));
        Optional<Channel> channel = channelChoice.textChannelFor(recipient.whatsAppOptIn(), recipient.smsOptIn());
        if (channel.isEmpty()) {
            log.debug("Patient of appointment {} accepts no configured text channel; nothing to send", event.appointmentId());
            return;
        }
        boolean offer = type == NotificationType.WAITLIST_OFFER;
        AppointmentFacts facts = new AppointmentFacts(recipient.doctorName(), recipient.departmentName(), recipient.startsAt(),
                recipient.hospitalZone(), offer ? event.holdExpiresAt() : null, offer ? offerLink(event, recipient) : null);
        queue.enqueue(new NewAppointmentMessage(event.appointmentId(), recipient.patientId(), type, channel.get(),
                recipient.phone(), templates.appointment(type, facts, recipient.language())));
    }

    private URI offerLink(AppointmentEvent event, AppointmentRecipient recipient) {
        if (!event.paymentRequired()) {
            return offerLinks.pageOf(publicBaseUrl, event.appointmentId());
        }
        // The orchestrator stores the payment link with the hold, in one transaction.
        if (recipient.paymentUrl() == null) {
            throw new IllegalStateException("Paid hold " + event.appointmentId() + " has no payment link");
        }
        return URI.create(recipient.paymentUrl());
    }
}
