package org.opd.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class OpenApiIT extends OrchestratorIntegrationTest {

    @Test
    void documentsThePublicApiWithItsHeadersAndParameters() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(rest.getForObject("/v3/api-docs", String.class));

        assertThat(doc.path("info").path("title").asText()).isEqualTo("OPD Orchestrator");
        assertThat(doc.path("paths").has("/api/v1/tokens/{tokenId}/reschedule")).isTrue();
        assertThat(doc.path("paths").has("/api/v1/hospitals/{hospitalId}/live-queue")).isTrue();
        assertThat(doc.path("paths").fieldNames()).toIterable().allMatch(path -> path.startsWith("/api/"));
        assertThat(doc.path("paths").path("/api/v1/tokens").path("post").path("parameters"))
                .extracting(p -> p.path("name").asText()).contains("Idempotency-Key").doesNotContain("X-Staff-Id");
        assertThat(doc.path("components").path("securitySchemes").path("bearer").path("scheme").asText()).isEqualTo("bearer");
        assertThat(doc.path("paths").path("/api/v1/tokens/{tokenId}/cancel").path("post").path("parameters"))
                .extracting(p -> p.path("name").asText()).contains("If-Match", "Idempotency-Key");
        assertThat(doc.path("paths").path("/api/v1/tokens").path("get").path("parameters"))
                .extracting(p -> p.path("name").asText()).contains("page", "size", "doctorId", "status");
        JsonNode conflict = doc.path("paths").path("/api/v1/tokens/{tokenId}/complete").path("post").path("responses").path("409");
        assertThat(conflict.path("content").path("application/problem+json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(doc.path("components").path("schemas").path("Problem").path("properties").has("errors")).isTrue();
    }

    @Test
    void servesSwaggerUi() {
        ResponseEntity<String> page = rest.getForEntity("/swagger-ui/index.html", String.class);

        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("Swagger UI");
    }
}
