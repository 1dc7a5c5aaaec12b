package org.opd.notifier.delivery;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.opd.notifier.channel.Channel;

/** The channels that have a configured provider. */
public final class AvailableChannels {

    private final Set<Channel> channels;

    AvailableChannels(List<Channel> channels) {
        this.channels = channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels);
    }

    public boolean has(Channel channel) {
        return channels.contains(channel);
    }
}
