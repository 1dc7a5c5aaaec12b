package org.opd.orchestrator.identity.otp;

import org.opd.schemas.identity.OneTimeCodeSeal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one seal every one-time secret leaves the orchestrator under: patients' sign-in codes and staff e-mail links. */
@Configuration(proxyBeanMethods = false)
class SealConfiguration {

    @Bean
    OneTimeCodeSeal oneTimeCodeSeal(OneTimeCodeProperties properties) {
        return OneTimeCodeSeal.withKey(properties.messageKey());
    }
}
