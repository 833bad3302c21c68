-- A fetch (or upload) in progress is staged page by page, so memory holds one page whatever the meeting's size;
-- it becomes a snapshot in one transaction, or is discarded.
create table staged_page (
    fetch_id   varchar(100) not null,
    session_id varchar(100) not null references tracked_session (session_id),
    seq        integer      not null,
    report_id  varchar(200) not null,
    body       jsonb        not null,
    primary key (fetch_id, seq)
);

create table staged_record (
    fetch_id         varchar(100) not null,
    session_id       varchar(100) not null references tracked_session (session_id),
    seq              bigint generated always as identity,
    participant_key  varchar(300) not null,
    object_id        varchar(200),
    email            varchar(320),
    display_name     varchar(300),
    role             varchar(40),
    intervals        jsonb        not null
);
create index staged_record_participant on staged_record (fetch_id, participant_key collate "C", seq);
create index staged_record_session on staged_record (session_id);
create index staged_page_session on staged_page (session_id);

-- Raw Graph pages of a snapshot, one row per page (replaces the single raw_pages document of V1 snapshots).
create table attendance_snapshot_page (
    snapshot_id varchar(100) not null references attendance_snapshot (id),
    seq         integer      not null,
    report_id   varchar(200) not null,
    body        jsonb        not null,
    primary key (snapshot_id, seq)
);

-- The Teams attendance file an administrator uploaded, kept verbatim with its hash.
create table attendance_snapshot_file (
    snapshot_id varchar(100) primary key references attendance_snapshot (id),
    file_name   varchar(300) not null,
    sha256      varchar(64)  not null,
    size_bytes  bigint       not null,
    uploaded_by varchar(300) not null,
    content     bytea        not null
);

alter table attendance_snapshot alter column raw_pages drop not null;
