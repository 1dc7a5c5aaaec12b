package org.opd.orchestrator.identity.signin;

import java.io.IOException;

import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.identity.staff.StaffAccounts;
import org.opd.orchestrator.identity.staff.StaffAccounts.TotpEnrollment;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import static org.opd.orchestrator.identity.signin.SignInHtml.field;
import static org.opd.orchestrator.identity.signin.SignInHtml.form;
import static org.opd.orchestrator.identity.signin.SignInHtml.page;
import static org.opd.orchestrator.identity.signin.SignInHtml.retry;

/** The sign-in steps after the password, as plain forms (the login form is {@link LoginPage}). */
@Controller
class SignInPages {

    private static final String ENROLLING = SignInPages.class.getName() + ".enrolling";

    private final StaffAccounts accounts;
    private final SignInSteps steps;

    SignInPages(StaffAccounts accounts, SignInSteps steps) {
        this.accounts = accounts;
        this.steps = steps;
    }

    @GetMapping(value = SignInSteps.PASSWORD_STEP, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String passwordForm(HttpServletRequest request, @RequestParam(required = false) String error) {
        return page("Choose a new password", error,
                "<p>Your password must be changed before you go on. Use at least 12 characters.</p>",
                form(request, SignInSteps.PASSWORD_STEP,
                        field("newPassword", "New password", "password") + field("confirmPassword", "Repeat it", "password")));
    }

    @PostMapping(SignInSteps.PASSWORD_STEP)
    void changePassword(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
                        @RequestParam String newPassword, @RequestParam String confirmPassword) throws IOException, ServletException {
        if (!newPassword.equals(confirmPassword)) {
            retry(request, response, SignInSteps.PASSWORD_STEP, "The two passwords differ");
            return;
        }
        try {
            accounts.changePassword(SignInState.accountId(authentication), newPassword);
        } catch (InvalidInputException e) {
            retry(request, response, SignInSteps.PASSWORD_STEP, e.detail().replaceFirst("^password", "The password"));
            return;
        }
        steps.next(request, response, authentication);
    }

    @GetMapping(value = SignInSteps.ENROLL_STEP, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String enrollForm(HttpServletRequest request, Authentication authentication, @RequestParam(required = false) String error) {
        HttpSession session = request.getSession();
        TotpEnrollment enrollment = (TotpEnrollment) session.getAttribute(ENROLLING);
        if (enrollment == null) {
            enrollment = accounts.newTotpSecret(SignInState.accountId(authentication));
            session.setAttribute(ENROLLING, enrollment);
        }
        return page("Set up your second factor", error,
                "<p>Add this account to an authenticator app (scan the link or type the key), then enter the code it shows.</p>"
                        + "<p>Key: <code id=\"totp-secret\">" + enrollment.secret() + "</code></p>"
                        + "<p><a id=\"totp-uri\" href=\"" + HtmlUtils.htmlEscape(enrollment.otpauthUri()) + "\">Open in authenticator app</a></p>",
                form(request, SignInSteps.ENROLL_STEP, field("code", "6-digit code", "text")));
    }

    @PostMapping(SignInSteps.ENROLL_STEP)
    void enroll(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
                @RequestParam String code) throws IOException, ServletException {
        TotpEnrollment enrollment = (TotpEnrollment) request.getSession().getAttribute(ENROLLING);
        if (enrollment == null || !accounts.enrollTotp(SignInState.accountId(authentication), enrollment.secret(), code)) {
            retry(request, response, SignInSteps.ENROLL_STEP, "That code is not right; try the next one your app shows");
            return;
        }
        request.getSession().removeAttribute(ENROLLING);
        steps.totpChecked(request);
        steps.next(request, response, authentication);
    }

    @GetMapping(value = SignInSteps.TOTP_STEP, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String totpForm(HttpServletRequest request, @RequestParam(required = false) String error) {
        return page("Enter your code", error, "<p>Enter the 6-digit code from your authenticator app.</p>",
                form(request, SignInSteps.TOTP_STEP, field("code", "6-digit code", "text")));
    }

    @PostMapping(SignInSteps.TOTP_STEP)
    void checkTotp(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
                   @RequestParam String code) throws IOException, ServletException {
        if (!accounts.verifyTotp(SignInState.accountId(authentication), code)) {
            if (accounts.require(SignInState.accountId(authentication)).lockedAt(accounts.now())) {
                request.getSession().invalidate();
                response.sendRedirect(request.getContextPath() + LoginPage.PATH + "?error");
                return;
            }
            retry(request, response, SignInSteps.TOTP_STEP, "That code is not right");
            return;
        }
        steps.totpChecked(request);
        steps.next(request, response, authentication);
    }

    /** Where the authorization endpoint sends a browser that has a step left. */
    @GetMapping("/sign-in/continue")
    void resume(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        steps.next(request, response, authentication);
    }

    @GetMapping(value = SignInSteps.DONE, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String done() {
        return page("Signed in", null, "<p id=\"signed-in\">You are signed in. You can close this page.</p>", "");
    }
}
