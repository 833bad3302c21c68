-- The session read model moved to platform (known_session, created by V1000_1 in db/readmodel/sessions, which runs
-- first): adopt this service's sessions and drop report_session. What only reporting keeps of a session, the
-- version of its report inputs (ReportInputs), moves to report_inputs.
insert into known_session (session_id, firm_id, title, scheduled_start, scheduled_end, time_zone, max_credits,
                           fields_of_study, delivery_method, ruleset_id, ruleset_version, revision, cancelled)
select session_id, firm_id, title, scheduled_start, scheduled_end, time_zone, max_credits, fields_of_study,
       delivery_method, ruleset_id, ruleset_version, revision, cancelled
from report_session
on conflict (session_id) do nothing;

create table report_inputs (
    session_id      varchar(100) primary key references known_session (session_id),
    inputs_version  bigint       not null
);
insert into report_inputs (session_id, inputs_version)
select session_id, inputs_version from report_session;

drop table report_session cascade;
