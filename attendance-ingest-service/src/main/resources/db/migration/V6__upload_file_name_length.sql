-- Uploaded file names up to 500 characters, as polling-service keeps them (longer ones are refused with 422).
alter table attendance_snapshot_file alter column file_name type varchar(500);
