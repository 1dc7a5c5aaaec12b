package org.opd.security;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * The issuers whose tokens are accepted, each with its own checks: local issuers with the keys at
 * hand, configured ones through their discovery document, fetched on the first token they sign
 * (so a service starts while its issuer is still starting). A token of any other issuer is
 * refused: the resolver answers null and Spring Security says "Invalid issuer".
 */
final class TrustedIssuers implements AuthenticationManagerResolver<String> {

    private final Map<String, AuthenticationManager> local;
    private final Set<String> remote;
    private final Map<String, AuthenticationManager> fetched = new ConcurrentHashMap<>();
    private final RolesAuthenticationConverter converter = new RolesAuthenticationConverter();

    TrustedIssuers(List<LocalIssuer> localIssuers, List<URI> remoteIssuers) {
        this.local = localIssuers.stream().collect(Collectors.toUnmodifiableMap(LocalIssuer::issuer, i -> manager(i.decoder())));
        this.remote = remoteIssuers.stream().map(URI::toString).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public AuthenticationManager resolve(String issuer) {
        AuthenticationManager manager = local.get(issuer);
        if (manager != null || !remote.contains(issuer)) {
            return manager;
        }
        return fetched.computeIfAbsent(issuer, this::discover);
    }

    private AuthenticationManager discover(String issuer) {
        try {
            return manager(JwtDecoders.fromIssuerLocation(issuer));
        } catch (RuntimeException e) {
            // Not cached: the next token tries again once the issuer answers.
            throw new AuthenticationServiceException("The issuer " + issuer + " could not be reached", e);
        }
    }

    private AuthenticationManager manager(JwtDecoder decoder) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(converter);
        return provider::authenticate;
    }
}
