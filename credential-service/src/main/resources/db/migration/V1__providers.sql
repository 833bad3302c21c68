create table provider (
    id                 uuid primary key,
    firm_id            varchar(100) not null,
    type               varchar(20)  not null,
    name               varchar(200) not null,
    tenant_id          varchar(100),
    client_id          varchar(100) not null,
    secret_hint        varchar(8)   not null,
    secret_expires_on  date,
    -- envelope encryption: the secret under a per-secret data key, the data key under the master key
    secret_ciphertext  bytea        not null,
    secret_iv          bytea        not null,
    dek_wrapped        bytea        not null,
    dek_iv             bytea        not null,
    master_key_id      varchar(50)  not null,
    status             varchar(20)  not null,
    status_code        varchar(80),
    status_detail      text,
    last_validated_at  timestamptz,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null default 0
);
create index provider_firm on provider (firm_id);

create table token_issue (
    id            bigint generated always as identity primary key,
    firm_id       varchar(100) not null,
    provider_id   uuid         not null,
    organizer_id  varchar(100),
    requested_by  varchar(200) not null,
    issued_at     timestamptz  not null,
    outcome       varchar(40)  not null
);
create index token_issue_provider on token_issue (provider_id, issued_at);
