-- Identity (issue 10): staff accounts (specs 001 and 002 `users`, `users_tokens`), the clients
-- of the embedded OAuth 2.0 authorization server (Spring Authorization Server's own tables), and
-- what a client credential may do (waiting-room screens, hospital integrations).

CREATE TABLE staff_accounts (
    account_id UUID PRIMARY KEY,
    -- NULL only for an administrator of every hospital (the bootstrap administrator).
    hospital_id UUID REFERENCES hospitals(hospital_id),
    email VARCHAR(255) NOT NULL,
    display_name VARCHAR(255) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    roles VARCHAR(20)[] NOT NULL CHECK (cardinality(roles) > 0
        AND roles <@ ARRAY['ADMIN', 'RECEPTIONIST', 'NURSE', 'DOCTOR', 'DEPARTMENT_HEAD', 'OPERATIONS']::VARCHAR(20)[]),
    dept_id UUID REFERENCES departments(dept_id),
    doctor_id UUID UNIQUE REFERENCES doctors(doctor_id),
    status VARCHAR(20) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
    email_confirmed_at TIMESTAMPTZ,
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
    -- RFC 6238 shared secret, sealed with the server's key (never stored in the clear).
    totp_secret TEXT,
    -- The last time step a code was accepted for, so one code never works twice.
    totp_last_step BIGINT,
    failed_sign_ins INT NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    locked_until TIMESTAMPTZ,
    -- Access tokens issued before this instant are refused (password changed, account disabled).
    tokens_valid_after TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (NOT ('DOCTOR' = ANY (roles)) OR doctor_id IS NOT NULL),
    CHECK (NOT ('DEPARTMENT_HEAD' = ANY (roles)) OR dept_id IS NOT NULL),
    CHECK (hospital_id IS NOT NULL OR roles = ARRAY['ADMIN']::VARCHAR(20)[])
);

CREATE UNIQUE INDEX idx_staff_email ON staff_accounts (lower(email));
CREATE INDEX idx_staff_hospital ON staff_accounts (hospital_id);

-- One-use e-mail confirmation and password-reset tokens (spec 002 `users_tokens`): only the
-- SHA-256 of the token is kept; each works once and until it expires.
CREATE TABLE users_tokens (
    token_id UUID PRIMARY KEY,
    account_id UUID NOT NULL REFERENCES staff_accounts(account_id) ON DELETE CASCADE,
    token_hash BYTEA NOT NULL,
    context VARCHAR(20) NOT NULL CHECK (context IN ('CONFIRM_EMAIL', 'RESET_PASSWORD')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL,
    used_at TIMESTAMPTZ,
    UNIQUE (context, token_hash)
);

CREATE INDEX idx_users_tokens_account ON users_tokens (account_id);

-- Spring Authorization Server's tables, as its JDBC repositories expect them (blob -> text,
-- timestamp -> timestamptz, as its schema files say for PostgreSQL).
CREATE TABLE oauth2_registered_client (
    id VARCHAR(100) NOT NULL PRIMARY KEY,
    client_id VARCHAR(100) NOT NULL UNIQUE,
    client_id_issued_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP NOT NULL,
    client_secret VARCHAR(200) DEFAULT NULL,
    client_secret_expires_at TIMESTAMPTZ DEFAULT NULL,
    client_name VARCHAR(200) NOT NULL,
    client_authentication_methods VARCHAR(1000) NOT NULL,
    authorization_grant_types VARCHAR(1000) NOT NULL,
    redirect_uris VARCHAR(1000) DEFAULT NULL,
    post_logout_redirect_uris VARCHAR(1000) DEFAULT NULL,
    scopes VARCHAR(1000) NOT NULL,
    client_settings VARCHAR(2000) NOT NULL,
    token_settings VARCHAR(2000) NOT NULL
);

CREATE TABLE oauth2_authorization (
    id VARCHAR(100) NOT NULL PRIMARY KEY,
    registered_client_id VARCHAR(100) NOT NULL,
    principal_name VARCHAR(200) NOT NULL,
    authorization_grant_type VARCHAR(100) NOT NULL,
    authorized_scopes VARCHAR(1000) DEFAULT NULL,
    attributes TEXT DEFAULT NULL,
    state VARCHAR(500) DEFAULT NULL,
    authorization_code_value TEXT DEFAULT NULL,
    authorization_code_issued_at TIMESTAMPTZ DEFAULT NULL,
    authorization_code_expires_at TIMESTAMPTZ DEFAULT NULL,
    authorization_code_metadata TEXT DEFAULT NULL,
    access_token_value TEXT DEFAULT NULL,
    access_token_issued_at TIMESTAMPTZ DEFAULT NULL,
    access_token_expires_at TIMESTAMPTZ DEFAULT NULL,
    access_token_metadata TEXT DEFAULT NULL,
    access_token_type VARCHAR(100) DEFAULT NULL,
    access_token_scopes VARCHAR(1000) DEFAULT NULL,
    oidc_id_token_value TEXT DEFAULT NULL,
    oidc_id_token_issued_at TIMESTAMPTZ DEFAULT NULL,
    oidc_id_token_expires_at TIMESTAMPTZ DEFAULT NULL,
    oidc_id_token_metadata TEXT DEFAULT NULL,
    refresh_token_value TEXT DEFAULT NULL,
    refresh_token_issued_at TIMESTAMPTZ DEFAULT NULL,
    refresh_token_expires_at TIMESTAMPTZ DEFAULT NULL,
    refresh_token_metadata TEXT DEFAULT NULL,
    user_code_value TEXT DEFAULT NULL,
    user_code_issued_at TIMESTAMPTZ DEFAULT NULL,
    user_code_expires_at TIMESTAMPTZ DEFAULT NULL,
    user_code_metadata TEXT DEFAULT NULL,
    device_code_value TEXT DEFAULT NULL,
    device_code_issued_at TIMESTAMPTZ DEFAULT NULL,
    device_code_expires_at TIMESTAMPTZ DEFAULT NULL,
    device_code_metadata TEXT DEFAULT NULL
);

-- The repository looks authorizations up by token value: hash indexes take values of any length.
CREATE INDEX idx_oauth2_authorization_state ON oauth2_authorization USING hash (state);
CREATE INDEX idx_oauth2_authorization_code ON oauth2_authorization USING hash (authorization_code_value);
CREATE INDEX idx_oauth2_authorization_access ON oauth2_authorization USING hash (access_token_value);
CREATE INDEX idx_oauth2_authorization_refresh ON oauth2_authorization USING hash (refresh_token_value);
CREATE INDEX idx_oauth2_authorization_expiry ON oauth2_authorization (access_token_expires_at);

-- What each client credential may do, and whether it still may.
CREATE TABLE api_clients (
    credential_id UUID PRIMARY KEY,
    client_id VARCHAR(100) NOT NULL UNIQUE,
    kind VARCHAR(20) NOT NULL CHECK (kind IN ('DISPLAY', 'INTEGRATION')),
    name VARCHAR(255) NOT NULL,
    -- NULL only for the bootstrap client of every hospital.
    hospital_id UUID REFERENCES hospitals(hospital_id),
    dept_id UUID REFERENCES departments(dept_id),
    doctor_id UUID REFERENCES doctors(doctor_id),
    roles VARCHAR(20)[] NOT NULL CHECK (cardinality(roles) > 0
        AND roles <@ ARRAY['ADMIN', 'RECEPTIONIST', 'NURSE', 'DOCTOR', 'DEPARTMENT_HEAD', 'OPERATIONS', 'DISPLAY']::VARCHAR(20)[]),
    created_by VARCHAR(100),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at TIMESTAMPTZ,
    CHECK ((kind = 'DISPLAY') = (roles = ARRAY['DISPLAY']::VARCHAR(20)[])),
    CHECK (NOT ('DOCTOR' = ANY (roles)) OR doctor_id IS NOT NULL),
    CHECK (NOT ('DEPARTMENT_HEAD' = ANY (roles)) OR dept_id IS NOT NULL),
    CHECK (hospital_id IS NOT NULL OR kind = 'INTEGRATION')
);

CREATE INDEX idx_api_clients_hospital ON api_clients (hospital_id);
