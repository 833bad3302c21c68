-- Staged fetches are transient: after a crash the fetch simply runs again. Unlogged, they cost no WAL, which made
-- up much of staging a 10,000-attendee meeting. Snapshots (pages, rows, outbox) stay logged.
alter table staged_page set unlogged;
alter table staged_record set unlogged;
