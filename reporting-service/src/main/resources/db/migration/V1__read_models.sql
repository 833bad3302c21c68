-- Read models built from events; reporting never reads another service's tables.
create table report_session (
    session_id       varchar(100) primary key,
    firm_id          varchar(100) not null,
    title            varchar(300) not null,
    scheduled_start  timestamptz  not null,
    scheduled_end    timestamptz  not null,
    time_zone        varchar(60)  not null,
    max_credits      numeric(5, 2),
    ruleset_id       varchar(100),
    ruleset_version  integer,
    revision         integer      not null,
    cancelled        boolean      not null default false
);

-- Participant events of snapshots not completed yet.
create table attendance_staging (
    snapshot_id      varchar(100) not null,
    participant_key  varchar(300) not null,
    session_id       varchar(100) not null,
    participant      jsonb        not null,
    intervals        jsonb        not null,
    primary key (snapshot_id, participant_key)
);

-- The session's current (completed) attendance snapshot.
create table attendance_current (
    session_id       varchar(100) not null,
    participant_key  varchar(300) not null,
    snapshot_id      varchar(100) not null,
    participant      jsonb        not null,
    intervals        jsonb        not null,
    primary key (session_id, participant_key)
);

create table attendance_freshness (
    session_id    varchar(100) primary key,
    snapshot_id   varchar(100) not null,
    source        varchar(20)  not null,
    fetched_at    timestamptz  not null,
    applied_at    timestamptz  not null
);
