package org.opd.orchestrator.error;

import java.util.Map;

/**
 * The caller did not prove who they are (a wrong, expired or unknown one-time code). Reported as 401;
 * the detail is the same whatever was wrong, so that the answer tells an attacker nothing.
 */
public class UnauthorizedException extends ProblemException {

    public UnauthorizedException(String type, String title, String detail) {
        super(type, title, detail, Map.of());
    }
}
