package org.opd.orchestrator.web;

import java.util.Map;

import org.opd.orchestrator.logging.LogContext;
import org.slf4j.MDC;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Puts the token and doctor ids of the request path into the logging MDC for the whole request. */
class LogContextInterceptor implements HandlerInterceptor {

    private static final String[] KEYS = {LogContext.TOKEN_ID, LogContext.DOCTOR_ID};

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            for (String key : KEYS) {
                if (variables.get(key) instanceof String value) {
                    MDC.put(key, value);
                }
            }
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        for (String key : KEYS) {
            MDC.remove(key);
        }
    }
}
