package org.opd.orchestrator.calcom.web;

import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.calcom.CalComSettings;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/** Administrators connect a hospital's Cal.com account: the webhook secret, and which doctor each Cal.com user is. */
@RestController
class CalComSettingsController {

    private final CalComSettings settings;

    CalComSettingsController(CalComSettings settings) {
        this.settings = settings;
    }

    /** The secret is stored, never answered back. */
    @PutMapping("/api/v1/hospitals/{hospitalId}/cal-com")
    Map<String, Object> setSecret(@PathVariable UUID hospitalId, @Valid @RequestBody CalComSecretRequest request) {
        settings.setWebhookSecret(hospitalId, request.webhookSecret());
        return Map.of("hospitalId", hospitalId, "webhookUrl", "/api/v1/cal-com-webhooks/" + hospitalId);
    }

    @PutMapping("/api/v1/doctors/{doctorId}/cal-com")
    Map<String, Object> mapDoctor(@PathVariable UUID doctorId, @Valid @RequestBody DoctorCalComRequest request) {
        settings.mapDoctor(doctorId, request.userId(), request.eventTypeId());
        return Map.of("doctorId", doctorId, "userId", request.userId(), "eventTypeId", request.eventTypeId());
    }
}
