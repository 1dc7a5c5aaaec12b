package org.opd.orchestrator.booking;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.error.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Creates Razorpay Payment Links ({@code POST /v1/payment_links}, basic auth with the key id and
 * secret, amounts in the smallest currency unit, {@code expire_by} in Unix seconds). The appointment id
 * goes as {@code reference_id}; no patient contact is sent, Razorpay's page asks the payer.
 */
@Component
class RazorpayPaymentLinks {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreatedLink(String id, @JsonProperty("short_url") String shortUrl, String status) {
    }

    private static final Logger log = LoggerFactory.getLogger(RazorpayPaymentLinks.class);

    private final BookingProperties.Razorpay razorpay;
    private final RestClient http;

    RazorpayPaymentLinks(BookingProperties properties, RestClient.Builder builder) {
        this.razorpay = properties.razorpay();
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(razorpay.timeout());
        timeouts.setReadTimeout(razorpay.timeout());
        this.http = builder.clone().baseUrl(razorpay.baseUrl()).requestFactory(timeouts)
                .defaultHeaders(headers -> headers.setBasicAuth(razorpay.keyId(), razorpay.keySecret()))
                .build();
    }

    /**
     * Cancels a link nobody paid yet ({@code POST /v1/payment_links/{id}/cancel}), so it cannot be paid
     * any more. A failure is only logged: the appointment is cancelled either way, and a payment that
     * still arrives is kept as PAID_LATE for a refund.
     */
    void cancel(String providerLinkId) {
        if (!razorpay.configured()) {
            return;
        }
        try {
            http.post().uri("/v1/payment_links/{id}/cancel", providerLinkId).retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            log.warn("Payment link {} not cancelled at Razorpay: {}", providerLinkId, e.getMessage());
        }
    }

    PaymentLink create(UUID appointmentId, BookingFee fee, Instant expiresAt, String description) {
        if (!razorpay.configured()) {
            throw new UnavailableException("payments-unavailable", "Payments unavailable",
                    "No payment provider is configured for paid bookings", null);
        }
        Map<String, Object> body = Map.of(
                "amount", fee.amountMinor(),
                "currency", fee.currency(),
                "accept_partial", false,
                "expire_by", expiresAt.getEpochSecond(),
                "reference_id", appointmentId.toString(),
                "description", description,
                "notify", Map.of("sms", false, "email", false),
                "reminder_enable", false);
        try {
            CreatedLink link = http.post().uri("/v1/payment_links").contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().body(CreatedLink.class);
            if (link == null || link.id() == null || link.shortUrl() == null) {
                throw new RestClientException("Razorpay answered without a link id or short_url");
            }
            return new PaymentLink(link.id(), link.shortUrl());
        } catch (RestClientException e) {
            throw new UnavailableException("payment-provider-unavailable", "Payment provider unavailable",
                    "The payment link could not be created; nothing was booked", e);
        }
    }
}
