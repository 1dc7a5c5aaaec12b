package org.opd.notifier.channel;

import org.opd.notifier.NotifierProperties;
import org.opd.notifier.channel.push.FcmPushSender;
import org.opd.notifier.channel.push.PushProperties;
import org.opd.notifier.channel.sms.SmsProperties;
import org.opd.notifier.channel.sms.TwilioSmsSender;
import org.opd.notifier.channel.whatsapp.WhatsAppProperties;
import org.opd.notifier.channel.whatsapp.WhatsAppSender;
import org.opd.notifier.webhook.WebhookPaths;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One sender per configured channel; the channels without a sender are never chosen. */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

    @Bean
    ChannelSender smsSender(SmsProperties sms, NotifierProperties notifier) {
        return new TwilioSmsSender(sms, ProviderHttp.client(sms.connectTimeout()),
                notifier.webhooks().url(WebhookPaths.TWILIO_STATUS));
    }

    @Bean
    @ConditionalOnProperty(name = "opd.notifier.whatsapp.enabled", havingValue = "true")
    ChannelSender whatsAppSender(WhatsAppProperties whatsApp) {
        return new WhatsAppSender(whatsApp, ProviderHttp.client(whatsApp.connectTimeout()));
    }

    @Bean
    @ConditionalOnProperty(name = "opd.notifier.push.enabled", havingValue = "true")
    ChannelSender pushSender(PushProperties push) {
        return FcmPushSender.of(push, ProviderHttp.client(push.connectTimeout()));
    }
}
