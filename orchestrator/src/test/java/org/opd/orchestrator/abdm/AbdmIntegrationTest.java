package org.opd.orchestrator.abdm;

import org.junit.jupiter.api.BeforeEach;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;

/** The Scan & Share tests: the orchestrator, and the ABDM gateway that shares profiles with it. */
abstract class AbdmIntegrationTest extends OrchestratorIntegrationTest {

    protected GatewayShares gateway;

    @BeforeEach
    void gateway() {
        gateway = new GatewayShares(rest, api, ABDM_GATEWAY, ABDM_GATEWAY_CLIENT);
    }
}
