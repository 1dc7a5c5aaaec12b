package org.opd.notifier.delivery;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.opd.notifier.NotifierProperties;
import org.opd.notifier.channel.Channel;
import org.opd.notifier.channel.ChannelSender;
import org.opd.notifier.channel.ProviderGuard;
import org.opd.schemas.identity.OneTimeCodeSeal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The delivery loop, wired to one guard (rate limit, circuit breaker) per configured provider. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    DeliveryLoop deliveryLoop(NotificationLog notificationLog, SendContexts sendContexts, List<ChannelSender> senders,
            DeliveryMetrics metrics, MeterRegistry registry, NotifierProperties properties, OneTimeCodeSeal seal) {
        Clock clock = Clock.systemUTC();
        Map<Channel, ChannelSender> byChannel = new EnumMap<>(Channel.class);
        Map<Channel, ProviderGuard> guards = new EnumMap<>(Channel.class);
        for (ChannelSender sender : senders) {
            ProviderGuard guard = new ProviderGuard(sender.limits(), clock);
            byChannel.put(sender.channel(), sender);
            guards.put(sender.channel(), guard);
            Gauge.builder("opd.notifier.circuit.open", guard, g -> g.circuitOpen() ? 1 : 0)
                    .description("1 while the provider's circuit breaker holds messages back")
                    .tag("channel", sender.channel().name())
                    .register(registry);
        }
        NotifierProperties.Delivery settings = properties.delivery();
        RetryPolicy retryPolicy = new RetryPolicy(settings.maxAttempts(), settings.initialBackoff(),
                settings.maxBackoff(), RandomGenerator.getDefault());
        return new DeliveryLoop(notificationLog, new DeliveryDispatcher(notificationLog, sendContexts,
                Map.copyOf(byChannel), Map.copyOf(guards), retryPolicy, metrics, seal, clock), settings);
    }

    @Bean
    DeliveryQueue deliveryQueue(NotificationLog notificationLog, DeliveryLoop loop) {
        return new DeliveryQueue(notificationLog, loop);
    }

    @Bean
    DeliveryReports deliveryReports(NotificationLog notificationLog, DeliveryLoop loop, DeliveryMetrics metrics) {
        return new DeliveryReports(notificationLog, loop, metrics);
    }

    /** The channels a patient can be reached on with this configuration. */
    @Bean
    AvailableChannels availableChannels(List<ChannelSender> senders) {
        return new AvailableChannels(senders.stream().map(ChannelSender::channel).toList());
    }
}
