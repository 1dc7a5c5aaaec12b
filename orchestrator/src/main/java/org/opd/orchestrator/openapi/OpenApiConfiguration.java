package org.opd.orchestrator.openapi;

import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). Every POST
 * declares the {@code Idempotency-Key} header, which a filter handles before any controller and
 * which springdoc therefore cannot see by itself.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Bean
    OpenAPI orchestratorApi() {
        return new OpenAPI().info(new Info()
                .title("OPD Orchestrator")
                .version("v1")
                .description("Hospital outpatient queue: master data, tokens and their moves, operators' views. "
                        + "Errors are RFC 7807 problems (application/problem+json) with a type urn:opd:problem:<name>; "
                        + "invalid input lists errors [{field, message}]. Times are ISO-8601 with the hospital's offset."));
    }

    @Bean
    GlobalOperationCustomizer idempotencyKeyOnEveryPost() {
        return (operation, handlerMethod) -> {
            if (handlerMethod.hasMethodAnnotation(PostMapping.class)) {
                operation.addParametersItem(new HeaderParameter()
                        .name(IDEMPOTENCY_KEY)
                        .required(false)
                        .description("1 to 255 characters. A retry with the same key and request gets the first "
                                + "answer (header Idempotent-Replayed: true) and changes nothing; the same key "
                                + "with another request is a 422 problem. Kept for 24 hours by default.")
                        .schema(new StringSchema().maxLength(255)));
            }
            return operation;
        };
    }
}
