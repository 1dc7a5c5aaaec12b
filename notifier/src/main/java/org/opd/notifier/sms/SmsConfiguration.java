package org.opd.notifier.sms;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    @Bean
    SmsProvider smsProvider(SmsProperties properties) {
        return new TwilioSmsProvider(properties, TwilioSmsProvider.httpClient(properties));
    }
}
