package org.opd.orchestrator.identity.signin;

import static org.opd.orchestrator.identity.signin.SignInHtml.form;
import static org.opd.orchestrator.identity.signin.SignInHtml.page;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The sign-in form (e-mail and password) in the look of the steps after it, with the way to a new
 * password; Spring Security's form login reads what it posts ({@code username}, {@code password}).
 */
@Controller
class LoginPage {

    static final String PATH = "/login";

    @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(HttpServletRequest request, @RequestParam(required = false) String error,
                 @RequestParam(required = false) String logout) {
        // One message for every refusal (wrong address, wrong password, locked): it tells nobody which it was.
        String problem = error == null ? null : "That e-mail address and password do not match an active account";
        String notice = logout == null ? "" : "<p id=\"signed-out\">You are signed out.</p>";
        return page("Sign in", problem, notice,
                form(request, PATH, "<p><label for=\"username\">E-mail address</label><br><input id=\"username\""
                        + " name=\"username\" type=\"email\" required autocomplete=\"username\" autofocus></p>"
                        + "<p><label for=\"password\">Password</label><br><input id=\"password\" name=\"password\""
                        + " type=\"password\" required autocomplete=\"current-password\"></p>")
                        + "<p><a id=\"forgot\" href=\"" + request.getContextPath() + AccountLinkPages.FORGOT
                        + "\">Forgot your password?</a></p>");
    }
}
