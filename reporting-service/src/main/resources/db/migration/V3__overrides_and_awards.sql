-- Append-only: every override an admin made, with who, when, before and after.
create table credit_override (
    id              bigint generated always as identity primary key,
    session_id      varchar(100)  not null,
    firm_id         varchar(100)  not null,
    participant_id  varchar(300)  not null,
    credit          numeric(5, 2) not null,
    previous_credit numeric(5, 2) not null,
    suggested       numeric(5, 2) not null,
    reason          text          not null,
    decided_by      varchar(200)  not null,
    decided_at      timestamptz   not null
);
create index credit_override_session on credit_override (session_id, participant_id, id);

-- What processing has published per professional: the basis for corrections.
create table credit_award (
    session_id       varchar(100)  not null,
    professional_id  varchar(200)  not null,
    firm_id          varchar(100)  not null,
    credits          numeric(5, 2) not null,
    revoked          boolean       not null,
    processing_run   integer       not null,
    updated_at       timestamptz   not null,
    primary key (session_id, professional_id)
);

create table processing_run (
    session_id    varchar(100) not null,
    run           integer      not null,
    firm_id       varchar(100) not null,
    processed_by  varchar(200) not null,
    processed_at  timestamptz  not null,
    awarded       integer      not null,
    revised       integer      not null,
    revoked       integer      not null,
    unchanged     integer      not null,
    primary key (session_id, run)
);

-- What downstream CPE systems need on each award.
alter table report_session add column fields_of_study text[] not null default '{}';
alter table report_session add column delivery_method varchar(40) not null default 'GROUP_INTERNET_BASED';
