package org.opd.notifier.intake;

import java.util.ArrayList;
import java.util.List;

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
        if (recipient.whatsAppOptIn() && available.has(Channel.WHATSAPP)) {
            channels.add(Channel.WHATSAPP);
        } else if (recipient.smsOptIn() && available.has(Channel.SMS)) {
            channels.add(Channel.SMS);
        }
        if (recipient.hasPushDevice() && available.has(Channel.PUSH)) {
            channels.add(Channel.PUSH);
        }
        return channels;
    }
}
