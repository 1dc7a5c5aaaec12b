package org.opd.orchestrator.identity.signin;

import java.io.IOException;
import java.util.UUID;

import org.opd.orchestrator.identity.staff.StaffAccount;
import org.opd.orchestrator.identity.staff.StaffAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The steps after a right password, in order: a new password when one is due (the bootstrap
 * administrator's first sign-in), a TOTP secret when an administrator has none, the TOTP code.
 * Only then does the session count as signed in, and the browser goes on to the client that
 * asked (the saved authorization request).
 */
@Component
class SignInSteps implements AuthenticationSuccessHandler {

    static final String PASSWORD_STEP = "/sign-in/password";
    static final String ENROLL_STEP = "/sign-in/totp/enroll";
    static final String TOTP_STEP = "/sign-in/totp";
    static final String DONE = "/sign-in/done";
    private static final String TOTP_CHECKED = SignInSteps.class.getName() + ".totpChecked";
    private static final Logger log = LoggerFactory.getLogger(SignInSteps.class);

    private final StaffAccounts accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SavedRequestAwareAuthenticationSuccessHandler continuation = new SavedRequestAwareAuthenticationSuccessHandler();

    SignInSteps(StaffAccounts accounts) {
        this.accounts = accounts;
        continuation.setDefaultTargetUrl(DONE);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        request.getSession().removeAttribute(TOTP_CHECKED);
        next(request, response, authentication);
    }

    void totpChecked(HttpServletRequest request) {
        request.getSession().setAttribute(TOTP_CHECKED, Boolean.TRUE);
    }

    /** Sends the browser to the first step left, or on to where it was going. */
    void next(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        UUID accountId = SignInState.accountId(authentication);
        StaffAccount account = accounts.require(accountId);
        boolean totpChecked = Boolean.TRUE.equals(request.getSession().getAttribute(TOTP_CHECKED));
        if (account.mustChangePassword()) {
            response.sendRedirect(request.getContextPath() + PASSWORD_STEP);
        } else if (account.needsTotp() && !account.hasTotp()) {
            response.sendRedirect(request.getContextPath() + ENROLL_STEP);
        } else if (account.needsTotp() && !totpChecked) {
            response.sendRedirect(request.getContextPath() + TOTP_STEP);
        } else {
            Authentication done = SignInState.completed(authentication);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(done);
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
            accounts.recordSuccess(accountId);
            log.info("Staff account {} signed in", accountId);
            continuation.onAuthenticationSuccess(request, response, done);
        }
    }
}
