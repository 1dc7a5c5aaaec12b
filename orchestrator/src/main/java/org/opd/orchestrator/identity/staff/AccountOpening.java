package org.opd.orchestrator.identity.staff;

import org.opd.schemas.identity.AccountTokenPurpose;
import org.opd.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens a staff account and mails its owner the e-mail confirmation link, in one transaction. */
@Service
public class AccountOpening {

    private final StaffAccounts accounts;
    private final AccountTokens tokens;

    AccountOpening(StaffAccounts accounts, AccountTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Transactional
    public StaffAccount open(NewStaffAccount account, Caller grantor) {
        StaffAccount opened = accounts.open(account, grantor);
        tokens.mail(opened.accountId(), AccountTokenPurpose.CONFIRM_EMAIL);
        return opened;
    }
}
