-- The sessions' rosters from cpe.sessions.v1, kept by platform Rosters, in the schema of each service that needs
-- them (polling, reporting). Services that created these tables in their own scripts before the lift keep them
-- (hence "if not exists"): this is where the definition lives from now on.
create table if not exists roster (
    session_id        varchar(100) not null,
    lms_id            varchar(200) not null,
    email             varchar(320),
    alternate_emails  text[]       not null,
    display_name      varchar(300),
    primary key (session_id, lms_id)
);
create table if not exists roster_staging (
    snapshot_id  varchar(100) not null,
    session_id   varchar(100) not null,
    sequence     integer      not null,
    enrollees    jsonb        not null,
    primary key (snapshot_id, sequence)
);
create table if not exists roster_state (
    session_id       varchar(100) primary key,
    roster_revision  integer      not null,
    snapshot_id      varchar(100) not null,
    enrolled_count   integer      not null
);
