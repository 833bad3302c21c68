-- What this service knows of a session, from cpe.sessions.v1 (highest revision wins).
create table poll_session (
    session_id       varchar(100) primary key,
    firm_id          varchar(100) not null,
    title            varchar(300) not null,
    scheduled_start  timestamptz  not null,
    scheduled_end    timestamptz  not null,
    time_zone        varchar(60)  not null,
    revision         integer      not null,
    cancelled        boolean      not null default false
);

-- Attendance participants of snapshots not completed yet, and the session's current snapshot.
create table attendance_staging (
    snapshot_id      varchar(100) not null,
    participant_key  varchar(300) not null,
    session_id       varchar(100) not null,
    email            varchar(320),
    display_name     varchar(300),
    anonymous        boolean      not null,
    intervals        jsonb        not null,
    primary key (snapshot_id, participant_key)
);

create table attendance_current (
    session_id       varchar(100) not null,
    participant_key  varchar(300) not null,
    snapshot_id      varchar(100) not null,
    email            varchar(320),
    display_name     varchar(300),
    anonymous        boolean      not null,
    intervals        jsonb        not null,
    primary key (session_id, participant_key)
);

create table poll (
    id               uuid         primary key,
    firm_id          varchar(100) not null,
    session_id       varchar(100) not null references poll_session (session_id),
    revision         integer      not null,
    question         text         not null,
    options          jsonb        not null,
    multi_select     boolean      not null,
    included         boolean      not null default true,
    excluded_reason  text,
    response_count   integer      not null,
    anonymous_count  integer      not null,
    matched_count    integer      not null,
    time_zone        varchar(60)  not null,
    time_check       jsonb        not null,
    warnings         jsonb        not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);
create index poll_session_idx on poll (session_id, created_at);

-- Every file ever uploaded; a replaced file stays (audit trail), the poll points at its current one.
create table poll_file (
    id           uuid         primary key,
    poll_id      uuid         not null references poll (id),
    firm_id      varchar(100) not null,
    session_id   varchar(100) not null,
    revision     integer      not null,
    file_name    varchar(500) not null,
    sha256       varchar(64)  not null,
    size_bytes   bigint       not null,
    content      bytea        not null,
    current      boolean      not null,
    uploaded_by  varchar(320) not null,
    uploaded_at  timestamptz  not null
);
create index poll_file_hash on poll_file (firm_id, sha256);
create unique index poll_file_current on poll_file (poll_id) where current;

-- The responses of each poll's current revision.
create table poll_response (
    poll_id           uuid          not null references poll (id),
    seq               integer       not null,
    response_id       varchar(100),
    respondent_email  varchar(320),
    respondent_name   varchar(300),
    respondent_key    varchar(400),
    anonymous         boolean       not null,
    answers           jsonb         not null,
    started_at        timestamptz,
    completed_at      timestamptz,
    participant_key   varchar(300),
    professional_id   varchar(100),
    match_method      varchar(20),
    primary key (poll_id, seq)
);

-- What happened to each poll, for the audit trail.
create table poll_history (
    id        bigint generated always as identity primary key,
    poll_id   uuid         not null references poll (id),
    revision  integer      not null,
    action    varchar(30)  not null,
    detail    text,
    actor     varchar(320) not null,
    at        timestamptz  not null
);

-- Respondent -> professional mappings an admin made; remembered for the firm, reused in later sessions.
create table respondent_mapping (
    firm_id             varchar(100) not null,
    respondent_key      varchar(400) not null,
    professional_id     varchar(100) not null,
    professional_email  varchar(320),
    participant_key     varchar(300),
    mapped_by           varchar(320) not null,
    mapped_at           timestamptz  not null,
    primary key (firm_id, respondent_key)
);
