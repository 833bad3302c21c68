-- Soft delete: a deleted provider keeps its row (audit, token_issue history) but loses its secret.
alter table provider add column deleted_at timestamptz;
alter table provider alter column secret_ciphertext drop not null;
alter table provider alter column secret_iv drop not null;
alter table provider alter column dek_wrapped drop not null;
alter table provider alter column dek_iv drop not null;
alter table provider alter column master_key_id drop not null;
alter table provider alter column secret_hint drop not null;

-- The delegated organizer who signed in (object id, UPN, display name) and msal's account id for silent tokens.
alter table provider add column organizer_id varchar(100);
alter table provider add column organizer_upn varchar(320);
alter table provider add column organizer_name varchar(300);
alter table provider add column organizer_account_id varchar(300);

-- msal4j's token cache of a delegated provider (refresh token inside), sealed like the secret; kept out of the
-- provider row so that msal's writes never race the entity's full-row updates.
create table provider_token_cache (
    provider_id    uuid primary key references provider (id),
    firm_id        varchar(100) not null,
    ciphertext     bytea        not null,
    iv             bytea        not null,
    dek_wrapped    bytea        not null,
    dek_iv         bytea        not null,
    master_key_id  varchar(50)  not null,
    updated_at     timestamptz  not null
);

-- One row per organizer sign-in in progress: the state is stored hashed, the PKCE verifier sealed.
create table oauth_state (
    state_hash     varchar(64)  primary key,
    firm_id        varchar(100) not null,
    provider_id    uuid         not null references provider (id),
    verifier_ciphertext bytea   not null,
    verifier_iv    bytea        not null,
    dek_wrapped    bytea        not null,
    dek_iv         bytea        not null,
    master_key_id  varchar(50)  not null,
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null,
    used_at        timestamptz
);
create index oauth_state_expiry on oauth_state (expires_at);

-- The daily expiry check's guard: one notice per provider per day, whichever replica runs first.
create table expiry_notice (
    provider_id  uuid        not null references provider (id),
    notice_date  date        not null,
    kind         varchar(20) not null,
    created_at   timestamptz not null,
    primary key (provider_id, notice_date)
);
