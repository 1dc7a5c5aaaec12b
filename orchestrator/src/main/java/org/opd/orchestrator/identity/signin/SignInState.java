package org.opd.orchestrator.identity.signin;

import java.util.List;
import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * Where a browser's sign-in stands. The session's authentication names the account
 * (as its username) from the moment the password is right, but only {@link #SIGNED_IN} — given
 * once the password is changed and the second factor checked — lets it authorize a client.
 */
public final class SignInState {

    /** Every step done: the authorization endpoint may issue codes for this session. */
    public static final String SIGNED_IN = "SIGNED_IN";

    /** Password right, but a step (new password, TOTP) remains. */
    static final String PENDING = "SIGN_IN_PENDING";

    private SignInState() {
    }

    static UUID accountId(Authentication authentication) {
        return UUID.fromString(authentication.getName());
    }

    static boolean pending(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream().anyMatch(a -> PENDING.equals(a.getAuthority()));
    }

    /** The same account with every step done; built from Spring's own types so the session and the server store them. */
    static Authentication completed(Authentication authentication) {
        List<SimpleGrantedAuthority> authorities = List.of(new SimpleGrantedAuthority(SIGNED_IN));
        User principal = new User(authentication.getName(), "", authorities);
        UsernamePasswordAuthenticationToken done = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        done.setDetails(authentication.getDetails());
        return done;
    }
}
