-- When the next automatic fetch is due (persisted, so schedules survive restarts) and how many were tried.
alter table ingestion_job add column next_attempt_at timestamptz;
alter table ingestion_job add column attempts integer not null default 0;
create index ingestion_job_due on ingestion_job (next_attempt_at) where next_attempt_at is not null;
