-- Bumped in the transaction of every change to a session's report inputs: computed reports are kept per version.
alter table report_session add column inputs_version bigint not null default 0;
