package org.opd.orchestrator.abdm.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.abdm.ProfileShare;
import org.opd.orchestrator.abdm.ProfileShares;
import org.opd.orchestrator.abdm.ProfileShares.SharedTokenNumber;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The facility's ABDM bridge endpoint for Scan & Share: the gateway posts the shared profile to
 * {@code <bridge url>/v1.0/patients/profile/share} (bridge url: {@code https://<host>/abdm}), with its
 * bearer JWT (checked by {@code AbdmGatewaySecurity}). The answer is the body of ABDM's
 * {@code on-share} acknowledgement, with the token number and how long it is valid.
 */
@RestController
class ProfileShareController {

    private final ProfileShares shares;
    private final Clock clock;

    ProfileShareController(ProfileShares shares, Clock clock) {
        this.shares = shares;
        this.clock = clock;
    }

    @PostMapping("/abdm/v1.0/patients/profile/share")
    Map<String, Object> share(@RequestBody JsonNode body,
                              @RequestHeader(name = "X-HIP-ID", required = false) String hipId,
                              @RequestHeader(name = "REQUEST-ID", required = false) String requestId) {
        SharedTokenNumber token = shares.share(ProfileShare.parse(body, hipId, requestId));
        Map<String, Object> acknowledgement = new LinkedHashMap<>();
        acknowledgement.put("status", "SUCCESS");
        acknowledgement.put("healthId", token.abhaAddress());
        acknowledgement.put("tokenNumber", token.tokenNumber());
        acknowledgement.put("context", token.counterCode());
        acknowledgement.put("expiry", String.valueOf(token.expirySeconds()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", UUID.randomUUID().toString());
        answer.put("timestamp", clock.instant().toString());
        answer.put("acknowledgement", acknowledgement);
        answer.put("error", null);
        answer.put("resp", Map.of("requestId", token.requestId()));
        return answer;
    }
}
