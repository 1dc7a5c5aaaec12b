package org.opd.orchestrator.calcom.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param webhookSecret the secret entered on the hospital's Cal.com webhook */
record CalComSecretRequest(@NotBlank @Size(min = 16, max = 200) String webhookSecret) {
}
