package org.opd.orchestrator.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Records every request {@link AuditedResources} calls access to a patient record, allowed or not.
 * <p>
 * It runs before Spring Security's filter chain (see {@link AuditConfiguration}) and wraps all the
 * rest, so it also sees the answers Spring Security gives by itself: 401 before authentication
 * succeeds, 403 when authorization fails, and any 429. When the rest has returned, it writes one
 * row from the status, the method, the path template, the client address and the caller.
 * <p>
 * <b>How it knows the caller.</b> Spring Security clears its {@code SecurityContextHolder} when its
 * chain returns, but the resource server's {@code BearerTokenAuthenticationFilter} also saves the
 * context it authenticated into the request, through its default {@link RequestAttributeSecurityContextRepository}.
 * That attribute outlives the chain, so this filter reads the caller from it: present for an
 * answer after a valid JWT (2xx, 403, 4xx), absent for a 401 (no credential or a refused one). This
 * needs nothing of the security configuration, as long as it does not give the bearer filter
 * another {@code SecurityContextRepository}; any other authentication that should be audited saves
 * its context the same way ({@code new RequestAttributeSecurityContextRepository().saveContext(…)}).
 * <p>
 * The client address is {@code getRemoteAddr()}: the proxy's, unless {@code server.forward-headers-strategy}
 * is configured, in which case the container has already replaced it by the forwarded one.
 */
class AuditRecordingFilter extends OncePerRequestFilter {

    static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern REQUEST_ID_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int SERVER_ERROR = 500;

    private final AuditLog auditLog;
    private final Clock clock;
    private final SecurityContextRepository authenticated = new RequestAttributeSecurityContextRepository();

    AuditRecordingFilter(AuditLog auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<AuditedRequest> audited = AuditedResources.match(request.getMethod(), path, request.getQueryString());
        if (audited.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Instant at = clock.instant();
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            // Not answered by the application: the container answers 500.
            record(at, audited.get(), request, response, SERVER_ERROR);
            throw e;
        }
        if (request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                    record(at, audited.get(), request, response, response.getStatus());
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                }

                @Override
                public void onError(AsyncEvent event) {
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                }
            });
        } else {
            record(at, audited.get(), request, response, response.getStatus());
        }
    }

    private void record(Instant at, AuditedRequest audited, HttpServletRequest request, HttpServletResponse response,
                        int status) {
        AuditedRequest about = AuditedResources.created(audited, response.getHeader(HttpHeaders.LOCATION))
                .map(audited::about).orElse(audited);
        auditLog.record(new AuditRecord(at, caller(request), about, request.getMethod(), status,
                clientAddress(request.getRemoteAddr()), requestId(request.getHeader(REQUEST_ID))));
    }

    private AuditCaller caller(HttpServletRequest request) {
        SecurityContext context = authenticated.loadDeferredContext(request).get();
        return AuditCaller.of(context == null ? null : context.getAuthentication());
    }

    /** An IP literal, or null (inet takes nothing else; a zone id such as {@code %eth0} is cut off). */
    static String clientAddress(String remote) {
        if (remote == null) {
            return null;
        }
        String address = remote.startsWith("[") && remote.endsWith("]") ? remote.substring(1, remote.length() - 1) : remote;
        int zone = address.indexOf('%');
        address = zone < 0 ? address : address.substring(0, zone);
        if (IPV4.matcher(address).matches()) {
            return Stream.of(address.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255) ? address : null;
        }
        return IPV6.matcher(address).matches() ? address : null;
    }

    private static String requestId(String header) {
        return header != null && REQUEST_ID_FORMAT.matcher(header).matches() ? header : null;
    }
}
