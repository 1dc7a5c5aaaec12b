package org.opd.orchestrator.fhir;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;

/**
 * FHIR resources in and out as JSON through HAPI's parser: {@code application/fhir+json}, and plain
 * {@code application/json} for clients that ask for it. Only HAPI's resource classes, so the rest of the
 * API keeps Jackson.
 */
final class FhirJsonConverter extends AbstractHttpMessageConverter<IBaseResource> {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    private final FhirContext fhir;

    FhirJsonConverter(FhirContext fhir) {
        super(StandardCharsets.UTF_8, FHIR_JSON, MediaType.APPLICATION_JSON);
        this.fhir = fhir;
    }

    @Override
    protected boolean supports(Class<?> type) {
        return IBaseResource.class.isAssignableFrom(type);
    }

    @Override
    protected IBaseResource readInternal(Class<? extends IBaseResource> type, HttpInputMessage input) throws IOException {
        try {
            return fhir.newJsonParser().parseResource(type, new InputStreamReader(input.getBody(), StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            throw new HttpMessageNotReadableException("Not a FHIR " + type.getSimpleName() + " in JSON: " + e.getMessage(), e, input);
        }
    }

    @Override
    protected void writeInternal(IBaseResource resource, HttpOutputMessage output) throws IOException {
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        fhir.newJsonParser().encodeResourceToWriter(resource, writer);
        writer.flush();
    }

    @Override
    protected MediaType getDefaultContentType(IBaseResource resource) {
        return new MediaType(FHIR_JSON, StandardCharsets.UTF_8);
    }

    @Override
    public List<MediaType> getSupportedMediaTypes(Class<?> clazz) {
        return supports(clazz) ? super.getSupportedMediaTypes(clazz) : List.of();
    }
}
