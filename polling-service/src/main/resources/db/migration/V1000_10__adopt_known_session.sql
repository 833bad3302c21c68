-- The session read model moved to platform (known_session, created by V1000_1 in db/readmodel/sessions, which runs
-- first): adopt this service's sessions, point the foreign key at known_session and drop poll_session.
insert into known_session (session_id, firm_id, title, scheduled_start, scheduled_end, time_zone, revision,
                           cancelled)
select session_id, firm_id, title, scheduled_start, scheduled_end, time_zone, revision, cancelled
from poll_session
on conflict (session_id) do nothing;
drop table poll_session cascade;
alter table poll add foreign key (session_id) references known_session (session_id);
