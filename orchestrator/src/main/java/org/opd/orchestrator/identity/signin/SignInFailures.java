package org.opd.orchestrator.identity.signin;

import org.opd.orchestrator.identity.staff.StaffAccounts;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.stereotype.Component;

/** Counts wrong passwords against the account they were typed for, so that repeated ones lock it. */
@Component
class SignInFailures {

    private final StaffAccounts accounts;

    SignInFailures(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken typed) {
            accounts.findByEmail(typed.getName()).ifPresent(account -> accounts.recordFailure(account.accountId()));
        }
    }
}
