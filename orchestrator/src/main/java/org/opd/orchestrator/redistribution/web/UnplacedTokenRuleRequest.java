package org.opd.orchestrator.redistribution.web;

import org.opd.orchestrator.redistribution.UnplacedTokenRule;

import jakarta.validation.constraints.NotNull;

record UnplacedTokenRuleRequest(@NotNull UnplacedTokenRule unplacedTokenRule) {
}
