package org.opd.orchestrator.abdm.web;

import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.abdm.ProfileShares;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/** Administrators say which department a Scan & Share counter (HIP id and counter code) issues tokens for. */
@RestController
class AbdmCounterController {

    private final ProfileShares shares;

    AbdmCounterController(ProfileShares shares) {
        this.shares = shares;
    }

    @PutMapping("/api/v1/departments/{deptId}/abdm-counter")
    Map<String, Object> set(@PathVariable UUID deptId, @Valid @RequestBody AbdmCounterRequest request) {
        shares.setCounter(deptId, request.hipId(), request.counterCode());
        return Map.of("deptId", deptId, "hipId", request.hipId(), "counterCode", request.counterCode());
    }
}
