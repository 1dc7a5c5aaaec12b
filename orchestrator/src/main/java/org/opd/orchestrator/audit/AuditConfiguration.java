package org.opd.orchestrator.audit;

import java.time.Clock;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /**
     * Just before Spring Security's filter chain ({@link SecurityProperties#DEFAULT_FILTER_ORDER}), so
     * that the audit filter wraps it and sees the answers it gives by itself (401, 403). Request
     * dispatches only: an error or async dispatch belongs to a request already recorded.
     */
    static final int ORDER = SecurityProperties.DEFAULT_FILTER_ORDER - 1;

    @Bean
    FilterRegistrationBean<AuditRecordingFilter> auditRecordingFilter(AuditLog auditLog, Clock clock) {
        FilterRegistrationBean<AuditRecordingFilter> registration =
                new FilterRegistrationBean<>(new AuditRecordingFilter(auditLog, clock));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/api/*", "/fhir/*");
        return registration;
    }
}
