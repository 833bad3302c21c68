-- Shared by every service, created in the service's own schema.
create table outbox_event (
    id          uuid primary key,
    position    bigint generated always as identity unique,
    topic       varchar(200) not null,
    record_key  varchar(200) not null,
    ce_type     varchar(200) not null,
    ce_source   varchar(200) not null,
    ce_time     timestamptz  not null,
    firm_id     varchar(100) not null,
    payload     text         not null,
    sent_at     timestamptz
);
create index outbox_event_unsent on outbox_event (position) where sent_at is null;

create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(100) not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);
