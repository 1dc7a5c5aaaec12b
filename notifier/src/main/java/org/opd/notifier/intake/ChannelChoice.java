package org.opd.notifier.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opd.notifier.channel.Channel;
import org.opd.notifier.delivery.AvailableChannels;

/**
 * Which channels a patient hears on, from their opt-ins and the configured providers: one text
 * message, on WhatsApp if they accept it, else by SMS if they accept that (a failed WhatsApp message
 * falls back to SMS later); and a push to the patient app if they have registered a device.
 */
final class ChannelChoice {

    private final AvailableChannels available;

    ChannelChoice(AvailableChannels available) {
        this.available = available;
    }

    List<Channel> channelsFor(Recipient recipient) {
        List<Channel> channels = new ArrayList<>(2);
        textChannelFor(recipient.whatsAppOptIn(), recipient.smsOptIn()).ifPresent(channels::add);
        if (recipient.hasPushDevice() && available.has(Channel.PUSH)) {
            channels.add(Channel.PUSH);
        }
        return channels;
    }

    /** The one text channel: WhatsApp if the patient accepts it, else SMS if they accept that; empty if neither. */
    Optional<Channel> textChannelFor(boolean whatsAppOptIn, boolean smsOptIn) {
        if (whatsAppOptIn && available.has(Channel.WHATSAPP)) {
            return Optional.of(Channel.WHATSAPP);
        }
        if (smsOptIn && available.has(Channel.SMS)) {
            return Optional.of(Channel.SMS);
        }
        return Optional.empty();
    }
}
