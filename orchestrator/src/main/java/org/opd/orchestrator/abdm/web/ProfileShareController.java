package org.opd.orchestrator.abdm.web;

import org.opd.orchestrator.abdm.OnShare;
import org.opd.orchestrator.abdm.ProfileShare;
import org.opd.orchestrator.abdm.ProfileShares;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The facility's ABDM bridge endpoint for Scan & Share: the gateway posts the shared profile to
 * {@code <bridge url>/v1.0/patients/profile/share} (bridge url: {@code https://<host>/abdm}), with its
 * bearer JWT (checked by {@code AbdmGatewaySecurity}). ABDM expects 202 at once and the answer as a
 * separate call to its {@code on-share}, which follows once the token is stored; the 202 carries the
 * same on-share body, for a relay or an operator that reads it.
 */
@RestController
class ProfileShareController {

    private final ProfileShares shares;

    ProfileShareController(ProfileShares shares) {
        this.shares = shares;
    }

    @PostMapping("/abdm/v1.0/patients/profile/share")
    @ResponseStatus(HttpStatus.ACCEPTED)
    OnShare share(@RequestBody JsonNode body,
                  @RequestHeader(name = "X-HIP-ID", required = false) String hipId,
                  @RequestHeader(name = "REQUEST-ID", required = false) String requestId) {
        return shares.share(ProfileShare.parse(body, hipId, requestId));
    }
}
