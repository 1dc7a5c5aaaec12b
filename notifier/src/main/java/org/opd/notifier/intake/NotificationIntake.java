package org.opd.notifier.intake;

import java.net.URI;
import java.util.List;

import org.opd.notifier.NotifierProperties;
import org.opd.notifier.channel.Channel;
import org.opd.notifier.delivery.AvailableChannels;
import org.opd.notifier.delivery.DeliveryQueue;
import org.opd.notifier.delivery.NewNotification;
import org.opd.notifier.template.MessageFacts;
import org.opd.notifier.template.MessageTemplates;
import org.opd.schemas.status.StatusLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a trigger into logged messages: looks up the patient and the token, picks the channels,
 * writes the text in the patient's language, and queues one row per channel.
 */
@Component
class NotificationIntake {

    private static final Logger log = LoggerFactory.getLogger(NotificationIntake.class);

    private final Recipients recipients;
    private final ChannelChoice channelChoice;
    private final MessageTemplates templates;
    private final DeliveryQueue queue;
    private final URI statusPageBaseUrl;
    private final StatusLinks statusLinks;

    NotificationIntake(Recipients recipients, AvailableChannels channels, DeliveryQueue queue,
            NotifierProperties properties) {
        this.recipients = recipients;
        this.channelChoice = new ChannelChoice(channels);
        this.templates = new MessageTemplates(properties.defaultLanguage());
        this.queue = queue;
        this.statusPageBaseUrl = properties.statusPageBaseUrl();
        this.statusLinks = StatusLinks.withKey(properties.statusLinkKey());
    }

    void accept(Trigger trigger) {
        // The outbox row commits with the token, so the token is always there; if not, the
        // listener's retries and then its log say so.
        Recipient recipient = recipients.find(trigger.tokenId()).orElseThrow(() -> new IllegalStateException(
                "Token " + trigger.tokenId() + " is not in the database"));
        List<Channel> channels = channelChoice.channelsFor(recipient);
        if (channels.isEmpty()) {
            log.debug("Patient of token {} accepts no configured channel; nothing to send", recipient.tokenId());
            return;
        }
        String text = templates.render(trigger.type(), facts(recipient, trigger), recipient.language());
        for (Channel channel : channels) {
            queue.enqueue(new NewNotification(recipient.tokenId(), recipient.patientId(), trigger.type(), channel,
                    channel == Channel.PUSH ? null : recipient.phone(), text));
        }
    }

    private MessageFacts facts(Recipient recipient, Trigger trigger) {
        return new MessageFacts(recipient.tokenNumber(), recipient.doctorName(), recipient.departmentName(),
                recipient.cabinNumber(), recipient.scheduledTime(), recipient.hospitalZone(),
                statusLinks.pageOf(statusPageBaseUrl, recipient.tokenId()),
                trigger.position(), trigger.etaMinutes(), trigger.delayMinutes());
    }
}
