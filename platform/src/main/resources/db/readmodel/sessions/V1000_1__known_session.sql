-- The session read model of every consumer of cpe.sessions.v1 (attendance-ingest, polling, reporting), kept by
-- platform KnownSessions: the latest revision of each session's details. Versioned above every service's own
-- scripts (V1..V999), so a service adopting it (its own V1000_10) runs after this on fresh and existing schemas.
-- Columns a service did not keep before the lift stay null until the session's next event.
create table if not exists known_session (
    session_id       varchar(100) primary key,
    firm_id          varchar(100) not null,
    title            varchar(300),
    provider_id      varchar(100),
    organizer_id     varchar(100),
    meeting_id       text,
    scheduled_start  timestamptz  not null,
    scheduled_end    timestamptz  not null,
    time_zone        varchar(60)  not null,
    max_credits      numeric(5, 2),
    fields_of_study  text[]       not null default '{}',
    delivery_method  varchar(40),
    ruleset_id       varchar(100),
    ruleset_version  integer,
    revision         integer      not null,
    cancelled        boolean      not null default false
);
create index if not exists known_session_firm on known_session (firm_id, session_id);
create index if not exists known_session_ruleset on known_session (ruleset_id);
