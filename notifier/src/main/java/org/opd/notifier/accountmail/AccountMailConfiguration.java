package org.opd.notifier.accountmail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Account-link e-mails, only with an SMTP server configured: then their settings must be complete at start. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.mail.host")
class AccountMailConfiguration {

    @Bean
    AccountMails accountMails(AccountMailProperties properties) {
        return new AccountMails(properties.requireComplete());
    }
}
