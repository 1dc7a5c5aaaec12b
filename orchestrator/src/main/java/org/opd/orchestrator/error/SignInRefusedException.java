package org.opd.orchestrator.error;

import java.util.Map;

/** A sign-in or session that cannot be granted (wrong or expired code, session over): 401. */
public class SignInRefusedException extends ProblemException {

    public SignInRefusedException(String type, String title, String detail) {
        super(type, title, detail, Map.of());
    }
}
