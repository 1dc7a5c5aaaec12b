package org.opd.notifier.signin;

import org.opd.schemas.identity.OneTimeCodeSeal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Opens the sign-in codes the orchestrator sealed: checked when one arrives, opened when its SMS goes. */
@Configuration(proxyBeanMethods = false)
class SignInCodeConfiguration {

    /** Refuses to start with a missing or malformed key, rather than fail every sign-in later. */
    @Bean
    OneTimeCodeSeal oneTimeCodeSeal(SignInCodeProperties properties) {
        return OneTimeCodeSeal.withKey(properties.messageKey());
    }
}
