package org.opd.orchestrator.identity.signin;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The plain HTML of the sign-in pages: one look, a CSRF token in every form, every message escaped. */
final class SignInHtml {

    static void retry(HttpServletRequest request, HttpServletResponse response, String step, String error) throws IOException {
        response.sendRedirect(request.getContextPath() + step + (step.contains("?") ? "&" : "?") + "error=" + URLEncoder.encode(error, StandardCharsets.UTF_8));
    }

    static String form(HttpServletRequest request, String action, String fields) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return "<form method=\"post\" action=\"" + request.getContextPath() + action + "\">" + fields
                + "<input type=\"hidden\" name=\"" + csrf.getParameterName() + "\" value=\"" + csrf.getToken() + "\">"
                + "<button type=\"submit\">Continue</button></form>";
    }

    static String field(String name, String label, String type) {
        return "<p><label for=\"" + name + "\">" + label + "</label><br><input id=\"" + name + "\" name=\"" + name
                + "\" type=\"" + type + "\" required autocomplete=\"" + autocomplete(type) + "\"></p>";
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + HtmlUtils.htmlEscape(value) + "\">";
    }

    private static String autocomplete(String type) {
        return switch (type) {
            case "password" -> "new-password";
            case "email" -> "email";
            default -> "one-time-code";
        };
    }

    static String page(String title, String error, String body, String form) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " · OPD</title>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}"
                + "input{font-size:1.1rem;padding:.4rem;width:100%}button{font-size:1.1rem;padding:.5rem 1.5rem}"
                + ".error{color:#a00}</style></head><body><h1>" + title + "</h1>"
                + (error == null ? "" : "<p class=\"error\" role=\"alert\">" + HtmlUtils.htmlEscape(error) + "</p>")
                + body + form + "</body></html>";
    }

    private SignInHtml() {
    }
}
