-- Enrolled no-shows without credit get no credit event; each run counts them.
alter table processing_run add column no_shows integer not null default 0;
