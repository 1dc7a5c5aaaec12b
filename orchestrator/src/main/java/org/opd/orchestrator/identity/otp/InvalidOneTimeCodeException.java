package org.opd.orchestrator.identity.otp;

import org.opd.orchestrator.error.UnauthorizedException;

/**
 * A sign-in code that does not work: wrong, expired, used, out of attempts, or never issued for the
 * phone. One answer for all of them (401 {@code invalid-code}), so that it tells nothing about the phone.
 */
public class InvalidOneTimeCodeException extends UnauthorizedException {

    InvalidOneTimeCodeException() {
        super("invalid-code", "Invalid code", "The code is invalid or has expired; ask for a new one");
    }
}
