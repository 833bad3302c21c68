-- The session read model moved to platform (known_session, created by V1000_1 in db/readmodel/sessions, which runs
-- first): adopt this service's sessions, point the foreign keys at known_session and drop tracked_session.
insert into known_session (session_id, firm_id, provider_id, organizer_id, meeting_id, scheduled_start,
                           scheduled_end, time_zone, revision, cancelled)
select session_id, firm_id, provider_id, organizer_id, meeting_id, scheduled_start, scheduled_end, time_zone,
       revision, cancelled
from tracked_session
on conflict (session_id) do nothing;
drop table tracked_session cascade;
alter table ingestion_job add foreign key (session_id) references known_session (session_id);
alter table attendance_snapshot add foreign key (session_id) references known_session (session_id);
alter table attendance_participant add foreign key (session_id) references known_session (session_id);
alter table staged_page add foreign key (session_id) references known_session (session_id);
alter table staged_record add foreign key (session_id) references known_session (session_id);
