package org.opd.orchestrator.openapi;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.opd.security.Caller;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). Every POST
 * declares the {@code Idempotency-Key} header, which a filter handles before any controller and
 * which springdoc therefore cannot see by itself; every operation declares the problem answers,
 * which the one controller advice gives and springdoc would otherwise guess from its handlers.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // The caller comes from the access token, not from the request's parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String PROBLEM = "Problem";
    private static final String BEARER = "bearer";
    /** By status, in status order. */
    private static final SortedMap<String, String> PROBLEMS = Collections.unmodifiableSortedMap(new TreeMap<>(Map.of(
            "401", "No valid access token: type unauthenticated, with a WWW-Authenticate challenge (RFC 6750); "
                    + "a webhook whose signature does not verify: bad-signature",
            "403", "The caller's roles or scope do not allow it: type forbidden with missingPermission",
            "400", "Invalid input: type urn:opd:problem:validation with errors [{field, message}], or malformed-request",
            "404", "Not found: type not-found with resource, or no-waiting-token",
            "409", "Conflict: illegal-transition (currentStatus), concurrent-modification (currentVersion), "
                    + "doctor-busy, duplicate (field), daily- or session-token-limit-reached, slot-taken (field)",
            "422", "Broken rule: outside-geofence, no-shift, other-hospital, doctor-unavailable, doctor-away, appointment-in-queue, "
                    + "department-inactive, idempotency-key-reused, constraint-violated",
            "503", "A dependency does not answer: live queue (Redis), payment-provider-unavailable, payments-unavailable")));

    /** RFC 7807 with the API's own members. */
    private static Schema<Object> problemSchema() {
        Schema<Object> fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 7807 problem; further members depend on the type")
                .addProperty("type", new StringSchema().example("urn:opd:problem:illegal-transition"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldProblem))
                .addProperty("currentStatus", new StringSchema())
                .addProperty("field", new StringSchema());
    }

    @Bean
    OpenAPI orchestratorApi() {
        return new OpenAPI().components(new Components().addSchemas(PROBLEM, problemSchema())
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("An access token of the embedded issuer "
                                        + "(/.well-known/openid-configuration) or of a configured one")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .info(new Info()
                .title("OPD Orchestrator")
                .version("v1")
                .description("Hospital outpatient queue: master data, tokens and their moves, operators' views. "
                        + "Errors are RFC 7807 problems (application/problem+json) with a type urn:opd:problem:<name>; "
                        + "invalid input lists errors [{field, message}]. Times are ISO-8601 with the hospital's offset."));
    }

    /** Every operation may answer with these problems; each is documented once, with the problem schema. */
    @Bean
    GlobalOperationCustomizer problemResponses() {
        return (operation, handlerMethod) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            PROBLEMS.forEach((status, description) -> responses.putIfAbsent(status, new ApiResponse()
                    .description(description)
                    .content(new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            new io.swagger.v3.oas.models.media.MediaType()
                                    .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
            return operation.responses(responses);
        };
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
