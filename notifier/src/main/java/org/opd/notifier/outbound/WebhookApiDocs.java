package org.opd.notifier.outbound;

import org.opd.security.Caller;
import org.opd.security.PublicPaths;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document of the notifier's API ({@code /v3/api-docs} on the notifier's port), open to read as
 * the orchestrator's is; the calls it describes need an administrator's access token.
 */
@Configuration(proxyBeanMethods = false)
class WebhookApiDocs {

    static {
        // The caller comes from the access token, not from the request's parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    private static final String BEARER = "bearer";

    @Bean
    OpenAPI notifierApi() {
        return new OpenAPI()
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").bearerFormat("JWT").description("An access token of a trusted issuer")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .info(new Info().title("OPD Notifier").version("v1").description(
                        "Outbound webhooks for a hospital's systems: subscriptions, their deliveries, replay of a failed one "
                                + "(docs/webhooks.md). Errors are RFC 7807 problems (application/problem+json); invalid "
                                + "input lists errors [{field, message}]."));
    }

    @Bean
    PublicPaths apiDocsPaths() {
        return PublicPaths.of("/v3/api-docs", "/v3/api-docs/**");
    }
}
