package org.opd.orchestrator.assistant;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The conversation's fixed facts for one answer.
 *
 * @param phone the patient's WhatsApp number in E.164 form, the phone the sign-in code goes to
 * @param zone  the hospital's time zone, in which days and times are shown
 */
public record Chat(UUID sessionId, UUID hospitalId, String phone, ZoneId zone, Instant now) {
}
