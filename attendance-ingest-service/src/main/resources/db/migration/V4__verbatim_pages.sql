-- Raw Graph pages are kept byte for byte as Graph sent them (jsonb re-orders keys and drops whitespace), and staged
-- intervals are only ever read back by the service: neither needs PostgreSQL to parse JSON.
alter table staged_page alter column body type text;
alter table attendance_snapshot_page alter column body type text;
alter table staged_record alter column intervals type text;
