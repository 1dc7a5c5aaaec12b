package org.opd.orchestrator.identity.signin;

import java.util.List;

import org.opd.orchestrator.identity.staff.StaffAccount;
import org.opd.orchestrator.identity.staff.StaffAccounts;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Staff accounts for the sign-in form: looked up by e-mail, named by account id from then on
 * (no e-mail in the session, the server's records or tokens). Disabled and locked accounts are
 * refused by Spring Security's own checks.
 */
@Component
class StaffDirectory implements UserDetailsService {

    private final StaffAccounts accounts;

    StaffDirectory(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        StaffAccount account = accounts.findByEmail(email).orElseThrow(() -> new UsernameNotFoundException("No such account"));
        boolean stepsLeft = account.mustChangePassword() || account.needsTotp();
        return User.withUsername(account.accountId().toString())
                .password(account.passwordHash())
                .authorities(List.of(new SimpleGrantedAuthority(stepsLeft ? SignInState.PENDING : SignInState.SIGNED_IN)))
                .disabled(!account.active())
                .accountLocked(account.lockedAt(accounts.now()))
                .build();
    }
}
