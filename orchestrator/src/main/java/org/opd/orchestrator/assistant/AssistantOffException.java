package org.opd.orchestrator.assistant;

import java.util.Map;

import org.opd.orchestrator.error.NotFoundException;

/** The assistant is not enabled here: its webhook does not exist (404), as Meta should be told. */
class AssistantOffException extends NotFoundException {

    AssistantOffException() {
        super("assistant-off", "WhatsApp assistant off",
                "This orchestrator does not run the WhatsApp booking assistant (opd.orchestrator.assistant.enabled)", Map.of());
    }
}
