package org.opd.orchestrator.identity.staff.web;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.opd.orchestrator.identity.RoleScope;
import org.opd.orchestrator.identity.staff.AccountOpening;
import org.opd.orchestrator.identity.staff.AccountTokens;
import org.opd.orchestrator.identity.staff.NewStaffAccount;
import org.opd.orchestrator.identity.staff.StaffAccount;
import org.opd.orchestrator.identity.staff.StaffAccounts;
import org.opd.schemas.identity.AccountTokenPurpose;
import org.opd.schemas.identity.Role;
import org.opd.security.Caller;
import org.opd.security.PermissionDeniedException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Staff accounts, opened and disabled by administrators of the hospital. Password hashes never leave. */
@RestController
class StaffAccountController {

    private final StaffAccounts accounts;
    private final AccountOpening opening;
    private final AccountTokens tokens;

    StaffAccountController(StaffAccounts accounts, AccountOpening opening, AccountTokens tokens) {
        this.accounts = accounts;
        this.opening = opening;
        this.tokens = tokens;
    }

    /** How the token reaches its owner: shown once to the administrator, or e-mailed as a link to the account's address. */
    enum TokenDelivery { HAND_OVER, EMAIL }

    record AccountTokenRequest(@NotNull AccountTokenPurpose purpose, TokenDelivery delivery) {
    }

    /** Anyone may ask; the answer is the same whether or not the address has an account. */
    record PasswordResetMailRequest(@NotBlank @Email @Size(max = 255) String email) {
    }

    record PasswordResetRequest(@NotBlank String token, @NotNull @Size(min = 12, max = 128) String newPassword) {
    }

    record EmailConfirmationRequest(@NotBlank String token) {
    }

    record OpenAccountRequest(
            @NotBlank @Email @Size(max = 255) String email,
            @NotBlank @Size(max = 255) String displayName,
            @NotNull @Size(min = 12, max = 128) String initialPassword,
            @NotNull UUID hospitalId,
            UUID deptId,
            UUID doctorId,
            @NotEmpty Set<Role> roles) {
    }

    record AccountResponse(UUID accountId, String email, String displayName, UUID hospitalId, UUID deptId, UUID doctorId,
                           Set<Role> roles, boolean active, boolean mustChangePassword, boolean totpEnrolled) {

        static AccountResponse of(StaffAccount account) {
            RoleScope scope = account.scope();
            return new AccountResponse(account.accountId(), account.email(), account.displayName(), scope.hospitalId(),
                    scope.deptId(), scope.doctorId(), scope.roles(), account.active(), account.mustChangePassword(),
                    account.hasTotp());
        }
    }

    @PostMapping("/api/v1/staff-accounts")
    ResponseEntity<AccountResponse> open(@Valid @RequestBody OpenAccountRequest request, Caller caller) {
        StaffAccount account = opening.open(new NewStaffAccount(request.email(), request.displayName(), request.initialPassword(),
                new RoleScope(request.roles(), request.hospitalId(), request.deptId(), request.doctorId())), caller);
        return ResponseEntity.created(URI.create("/api/v1/staff-accounts/" + account.accountId())).body(AccountResponse.of(account));
    }

    @GetMapping("/api/v1/staff-accounts")
    List<AccountResponse> list(@RequestParam(required = false) UUID hospitalId) {
        return accounts.list(hospitalId).stream().map(AccountResponse::of).toList();
    }

    @PostMapping("/api/v1/staff-accounts/{accountId}/disable")
    AccountResponse disable(@PathVariable UUID accountId, Caller caller) {
        requireAdminOf(accounts.require(accountId), caller);
        return AccountResponse.of(accounts.disable(accountId));
    }

    /**
     * A one-use password-reset or e-mail confirmation token: shown once for the administrator to pass on
     * (201), or e-mailed to the account's owner (202, no body).
     */
    @PostMapping("/api/v1/staff-accounts/{accountId}/tokens")
    ResponseEntity<AccountTokens.IssuedAccountToken> issueToken(@PathVariable UUID accountId,
                                                               @Valid @RequestBody AccountTokenRequest request, Caller caller) {
        requireAdminOf(accounts.require(accountId), caller);
        if (request.delivery() == TokenDelivery.EMAIL) {
            tokens.mail(accountId, request.purpose());
            return ResponseEntity.accepted().build();
        }
        return ResponseEntity.status(201).body(tokens.issue(accountId, request.purpose()));
    }

    /** "Forgot my password": a reset link is mailed if an active account has the address (202 either way). */
    @PostMapping("/api/v1/password-reset-mails")
    ResponseEntity<Void> mailPasswordReset(@Valid @RequestBody PasswordResetMailRequest request) {
        tokens.requestPasswordReset(request.email());
        return ResponseEntity.accepted().build();
    }

    /** Open to anyone holding a reset token: it is the credential. */
    @PostMapping("/api/v1/password-resets")
    ResponseEntity<Void> resetPassword(@Valid @RequestBody PasswordResetRequest request) {
        tokens.resetPassword(request.token(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/email-confirmations")
    ResponseEntity<Void> confirmEmail(@Valid @RequestBody EmailConfirmationRequest request) {
        tokens.confirmEmail(request.token());
        return ResponseEntity.noContent().build();
    }

    private static void requireAdminOf(StaffAccount account, Caller caller) {
        if (account.scope().hospitalId() == null ? caller.hospitalId() != null : !caller.mayActIn(account.scope().hospitalId())) {
            throw new PermissionDeniedException("role ADMIN of the account's hospital");
        }
    }
}
