package org.opd.orchestrator.redistribution.web;

import java.util.UUID;

import org.opd.orchestrator.leave.ScheduleExceptions;
import org.opd.orchestrator.redistribution.ApplyResult;
import org.opd.orchestrator.redistribution.Redistributions;
import org.opd.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/** Who may call these: {@code access.ApiAccess} (administrators and the department's head). */
@RestController
@RequestMapping("/api/v1")
class RedistributionController {

    private final Redistributions redistributions;
    private final ScheduleExceptions exceptions;

    RedistributionController(Redistributions redistributions, ScheduleExceptions exceptions) {
        this.redistributions = redistributions;
        this.exceptions = exceptions;
    }

    @GetMapping("/schedule-exceptions/{exceptionId}/redistribution/preview")
    PlanResponse preview(@PathVariable UUID exceptionId, Caller caller) {
        var plan = redistributions.preview(exceptionId);
        return PlanResponse.of(exceptions.require(exceptionId), plan);
    }

    @PostMapping("/schedule-exceptions/{exceptionId}/redistribution/apply")
    ApplyResult apply(@PathVariable UUID exceptionId, @Valid @RequestBody ApplyPlanRequest request, Caller caller) {
        return redistributions.apply(exceptionId, request.planVersion(), caller.subjectId());
    }

    @PutMapping("/departments/{deptId}/unplaced-token-rule")
    UnplacedTokenRuleRequest setUnplacedTokenRule(@PathVariable UUID deptId, @Valid @RequestBody UnplacedTokenRuleRequest request,
                                                  Caller caller) {
        redistributions.setUnplacedTokenRule(deptId, request.unplacedTokenRule());
        return request;
    }
}
