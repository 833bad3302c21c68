-- The session list's filters (SessionStore.page), each by scheduled start within the firm: one Meeting Organizer's
-- sessions (compared case-insensitively), or one status. A text search (q) runs over the firm's sessions in the range
-- the firm/start index already narrows.
create index session_firm_organizer_start on session (firm_id, lower(organizer_id), scheduled_start);
create index session_firm_status_start on session (firm_id, status, scheduled_start);
