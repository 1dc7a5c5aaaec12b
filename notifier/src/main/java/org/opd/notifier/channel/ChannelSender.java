package org.opd.notifier.channel;

/** Hands messages of one channel to its provider over HTTP. Implementations are thread-safe. */
public interface ChannelSender {

    Channel channel();

    /** How hard the provider may be used: its rate limit and when to stop calling it for a while. */
    ProviderLimits limits();

    /**
     * Sends the message and returns the provider's id of it, which later status callbacks refer to.
     *
     * @throws SendException when the provider refuses the message or cannot be reached
     */
    String send(OutgoingMessage message) throws SendException;
}
