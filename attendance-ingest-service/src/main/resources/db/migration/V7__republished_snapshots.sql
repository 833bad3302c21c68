-- When a snapshot's events were last sent again (a consumer asked, or "Refresh data" found nothing new): several
-- consumers asking within a minute get one republication.
alter table attendance_snapshot add column republished_at timestamptz;
