package org.opd.orchestrator.identity.signin;

import static org.opd.orchestrator.identity.signin.SignInHtml.field;
import static org.opd.orchestrator.identity.signin.SignInHtml.form;
import static org.opd.orchestrator.identity.signin.SignInHtml.hidden;
import static org.opd.orchestrator.identity.signin.SignInHtml.page;
import static org.opd.orchestrator.identity.signin.SignInHtml.retry;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.identity.staff.AccountTokens;
import org.opd.schemas.identity.AccountLinkPaths;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The pages the e-mailed links open, and the "forgot my password" form that mails one. Open to anyone:
 * the one-use token in the link is the credential. Opening a link changes nothing (mail scanners follow
 * links); the owner's button press does.
 */
@Controller
class AccountLinkPages {

    static final String FORGOT = "/sign-in/forgot";
    static final String RESET = AccountLinkPaths.RESET_PASSWORD;
    static final String CONFIRM = AccountLinkPaths.CONFIRM_EMAIL;
    static final String[] PATHS = {FORGOT, RESET, CONFIRM};

    /** Enough to refuse what cannot be an address before any lookup; the mail server judges the rest. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final AccountTokens tokens;

    AccountLinkPages(AccountTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping(value = FORGOT, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String forgotForm(HttpServletRequest request, @RequestParam(required = false) String error,
                      @RequestParam(required = false) String sent) {
        if (sent != null) {
            return page("Check your e-mail", null, "<p id=\"reset-sent\">If an account has this address, a link to choose a new"
                    + " password is on its way. It works once, for one hour.</p>", "");
        }
        return page("Forgot your password?", error, "<p>Enter the e-mail address of your account; we will mail you a link.</p>",
                form(request, FORGOT, field("email", "E-mail address", "email")));
    }

    @PostMapping(FORGOT)
    void mailReset(HttpServletRequest request, HttpServletResponse response, @RequestParam String email) throws IOException {
        if (email.length() > 255 || !EMAIL.matcher(email.strip()).matches()) {
            retry(request, response, FORGOT, "That is not an e-mail address");
            return;
        }
        tokens.requestPasswordReset(email.strip());
        response.sendRedirect(request.getContextPath() + FORGOT + "?sent");
    }

    @GetMapping(value = RESET, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String resetForm(HttpServletRequest request, @RequestParam String token, @RequestParam(required = false) String error,
                     @RequestParam(required = false) String done) {
        if (done != null) {
            return page("Password changed", null, "<p id=\"password-changed\">Your new password is set. Sign in with it from"
                    + " the console.</p>", "");
        }
        return page("Choose a new password", error, "<p>Use at least 12 characters.</p>", form(request, RESET,
                hidden("token", token) + field("newPassword", "New password", "password")
                        + field("confirmPassword", "Repeat it", "password")));
    }

    @PostMapping(RESET)
    void reset(HttpServletRequest request, HttpServletResponse response, @RequestParam String token,
               @RequestParam String newPassword, @RequestParam String confirmPassword) throws IOException {
        String again = RESET + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        if (!newPassword.equals(confirmPassword)) {
            retry(request, response, again, "The two passwords differ");
            return;
        }
        try {
            tokens.resetPassword(token, newPassword);
        } catch (InvalidInputException e) {
            retry(request, response, again, e.detail().startsWith("token ")
                    ? "This link is unknown, already used or expired; ask for a new one"
                    : e.detail().replaceFirst("^\\w*[pP]assword", "The password"));
            return;
        }
        response.sendRedirect(request.getContextPath() + again + "&done");
    }

    @GetMapping(value = CONFIRM, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String confirmForm(HttpServletRequest request, @RequestParam String token, @RequestParam(required = false) String error,
                       @RequestParam(required = false) String done) {
        if (done != null) {
            return page("Address confirmed", null, "<p id=\"email-confirmed\">Thank you: your e-mail address is confirmed.</p>", "");
        }
        return page("Confirm your e-mail address", error, "<p>Press the button to confirm that this address is yours.</p>",
                form(request, CONFIRM, hidden("token", token)));
    }

    @PostMapping(CONFIRM)
    void confirm(HttpServletRequest request, HttpServletResponse response, @RequestParam String token) throws IOException {
        String again = CONFIRM + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        try {
            tokens.confirmEmail(token);
        } catch (InvalidInputException e) {
            retry(request, response, again, "This link is unknown, already used or expired");
            return;
        }
        response.sendRedirect(request.getContextPath() + again + "&done");
    }
}
