create table session (
    id               uuid primary key,
    firm_id          varchar(100)  not null,
    title            varchar(300)  not null,
    description      text,
    scheduled_start  timestamptz   not null,
    scheduled_end    timestamptz   not null,
    time_zone        varchar(60)   not null,
    max_credits      numeric(5, 2),
    fields_of_study  text[]        not null,
    delivery_method  varchar(40)   not null,
    provider_id      varchar(100)  not null,
    organizer_id     varchar(100)  not null,
    join_url         text          not null,
    join_url_key     text          not null,
    meeting_id       text          not null,
    meeting_start    timestamptz   not null,
    meeting_end      timestamptz   not null,
    ruleset_id       varchar(100),
    ruleset_version  integer,
    status           varchar(20)   not null,
    revision         integer       not null,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    version          bigint        not null default 0,
    constraint session_window check (scheduled_end > scheduled_start)
);
create index session_firm_start on session (firm_id, scheduled_start);
-- one live session per Teams meeting link in a firm
create unique index session_join_url_unique on session (firm_id, join_url_key) where status <> 'CANCELLED';
