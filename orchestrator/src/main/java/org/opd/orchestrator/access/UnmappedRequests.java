package org.opd.orchestrator.access;

import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests that no controller answers, so that a signed-in caller is told 404 (not 403) for a
 * mistyped path, while an endpoint that exists but has no rule stays refused.
 */
final class UnmappedRequests implements RequestMatcher {

    private final RequestMappingHandlerMapping handlers;

    UnmappedRequests(RequestMappingHandlerMapping handlers) {
        this.handlers = handlers;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        try {
            return handlers.getHandler(request) == null;
        } catch (Exception e) {
            // A wrong method or media type for a mapped path: MVC answers it (405 / 415) as a problem.
            return true;
        }
    }
}
