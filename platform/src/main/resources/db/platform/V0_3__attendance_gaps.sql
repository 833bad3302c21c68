-- Consumers of cpe.attendance.v1 (reporting, polling): a snapshot that completed with fewer participant events
-- than it announced. The report says so, and AttendanceGapHealer asks attendance-ingest-service to send it again
-- until a complete snapshot of the session arrives (which deletes the row).
create table if not exists attendance_gap (
    session_id       varchar(100) primary key,
    firm_id          varchar(100) not null,
    snapshot_id      varchar(100) not null,
    received         integer      not null,
    expected         integer      not null,
    detected_at      timestamptz  not null,
    attempts         integer      not null default 0,
    next_request_at  timestamptz  not null,
    last_outcome     text
);
create index if not exists attendance_gap_due on attendance_gap (next_request_at);
