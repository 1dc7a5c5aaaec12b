package org.opd.orchestrator.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import ca.uhn.fhir.context.FhirContext;

/**
 * The FHIR endpoint as a client sees it, over HTTP: each answer is parsed with HAPI's parser, checked to be
 * {@code application/fhir+json} and validated against R4 ({@link R4Validator}) before the test looks at it.
 */
final class FhirClient {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    private final TestRestTemplate rest;
    private final String token;

    FhirClient(TestRestTemplate rest, String token) {
        this.rest = rest;
        this.token = token;
    }

    FhirClient as(String otherToken) {
        return new FhirClient(rest, otherToken);
    }

    record Reply(int status, HttpHeaders headers, Resource resource) {

        <T extends Resource> T as(Class<T> type) {
            assertThat(resource).as("answer %s", status).isInstanceOf(type);
            return type.cast(resource);
        }

        /** The OperationOutcome of a refusal, with its status. */
        OperationOutcome outcome(int expected) {
            assertThat(status).as("status of %s", FHIR.newJsonParser().encodeResourceToString(resource)).isEqualTo(expected);
            OperationOutcome outcome = as(OperationOutcome.class);
            assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
            return outcome;
        }

        <T extends Resource> T ok(Class<T> type) {
            assertThat(status).as("status of %s", FHIR.newJsonParser().encodeResourceToString(resource)).isBetween(200, 201);
            return as(type);
        }
    }

    Reply get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    Reply post(String path, IBaseResource body) {
        return exchange(HttpMethod.POST, path, body == null ? null : FHIR.newJsonParser().encodeResourceToString(body));
    }

    Reply exchange(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        headers.setAccept(java.util.List.of(MediaType.parseMediaType("application/fhir+json")));
        if (body != null) {
            headers.setContentType(MediaType.parseMediaType("application/fhir+json"));
        }
        ResponseEntity<String> response = rest.exchange(rest.getRootUri() + "/fhir" + path, method, new HttpEntity<>(body, headers),
                String.class);
        assertThat(response.getHeaders().getContentType()).as("content type of %s %s", method, path).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("application/fhir+json")))
                .as("%s %s answered %s", method, path, response.getHeaders().getContentType()).isTrue();
        R4Validator.assertValid(response.getBody());
        Resource resource = (Resource) FHIR.newJsonParser().parseResource(response.getBody());
        return new Reply(response.getStatusCode().value(), response.getHeaders(), resource);
    }
}
