-- Attendance participants an administrator tied to an enrolled professional (issue 16): guests who joined without
-- signing in, personal or other tenants' accounts, attendees whose email differs from their enrollment.

-- The firm's memory: which professional an attendance identity is (oid:<Entra object id>, email:<lower-cased email>
-- or name:<normalized display name>). Applied to the firm's sessions whose attendance or roster arrives later.
create table attendance_identity (
    firm_id       varchar(100) not null,
    identity_key  varchar(400) not null,
    lms_id        varchar(200) not null,
    mapped_by     varchar(320) not null,
    mapped_at     timestamptz  not null,
    session_id    varchar(100) not null,
    primary key (firm_id, identity_key)
);

-- Per session: the mapping of each participant, in force (undone_at null) or undone. An undone row stays, so the
-- firm's memory is never applied to that participant of that session again (mapping it anew replaces the row).
create table attendance_mapping (
    session_id       varchar(100) not null,
    participant_key  varchar(300) not null,
    firm_id          varchar(100) not null,
    identity_key     varchar(400),
    lms_id           varchar(200) not null,
    method           varchar(20)  not null check (method in ('MAPPED', 'REMEMBERED')),
    mapped_by        varchar(320) not null,
    mapped_at        timestamptz  not null,
    undone_by        varchar(320),
    undone_at        timestamptz,
    primary key (session_id, participant_key)
);
-- one participant mapped to a professional per session
create unique index attendance_mapping_professional on attendance_mapping (session_id, lms_id)
    where undone_at is null;

-- Append-only: every mapping, application of the firm's memory and undo, with who and when (the audit bundle's
-- attendance-mappings.json).
create table attendance_mapping_event (
    id               bigint generated always as identity primary key,
    session_id       varchar(100) not null,
    firm_id          varchar(100) not null,
    participant_key  varchar(300) not null,
    display_name     text,
    email            varchar(320),
    identity_key     varchar(400),
    lms_id           varchar(200) not null,
    action           varchar(20)  not null check (action in ('MAPPED', 'REMEMBERED', 'UNDONE')),
    actor            varchar(320) not null,
    at               timestamptz  not null,
    -- MAPPED: the firm now remembers the identity; UNDONE: the firm forgot it (undone where it was mapped)
    firm_memory      varchar(20)
);
create index attendance_mapping_event_session on attendance_mapping_event (session_id, id);
