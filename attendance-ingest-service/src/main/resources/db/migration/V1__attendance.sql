-- What this service knows of a session, from cpe.sessions.v1.
create table tracked_session (
    session_id       varchar(100) primary key,
    firm_id          varchar(100) not null,
    provider_id      varchar(100) not null,
    organizer_id     varchar(100) not null,
    meeting_id       text         not null,
    scheduled_start  timestamptz  not null,
    scheduled_end    timestamptz  not null,
    time_zone        varchar(60)  not null,
    revision         integer      not null,
    cancelled        boolean      not null default false
);

create table ingestion_job (
    session_id     varchar(100) primary key references tracked_session (session_id),
    state          varchar(30)  not null,
    detail         text,
    pages          integer      not null default 0,
    records        integer      not null default 0,
    reports_used   text[]       not null default '{}',
    snapshot_id    varchar(100),
    last_fetch_at  timestamptz,
    updated_at     timestamptz  not null
);

-- Immutable: every fetch that changed something keeps its raw Graph pages (five-year audit).
create table attendance_snapshot (
    id                 varchar(100) primary key,
    session_id         varchar(100) not null references tracked_session (session_id),
    firm_id            varchar(100) not null,
    source             varchar(20)  not null,
    fetched_at         timestamptz  not null,
    content_hash       varchar(64)  not null,
    participant_count  integer      not null,
    report_ids         text[]       not null,
    raw_pages          jsonb        not null
);
create index attendance_snapshot_session on attendance_snapshot (session_id, fetched_at);

-- The normalized rows of the session's current snapshot; replaced whole by a newer one.
create table attendance_participant (
    session_id       varchar(100) not null references tracked_session (session_id),
    participant_key  varchar(300) not null,
    snapshot_id      varchar(100) not null references attendance_snapshot (id),
    object_id        varchar(200),
    email            varchar(320),
    display_name     varchar(300),
    role             varchar(40),
    guest            boolean      not null,
    anonymous        boolean      not null,
    flags            text[]       not null,
    intervals        jsonb        not null,
    primary key (session_id, participant_key)
);
