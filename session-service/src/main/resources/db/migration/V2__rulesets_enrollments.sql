-- Rulesets: firm data, versioned. A version is immutable once a session records it.
create table ruleset (
    id               uuid primary key,
    firm_id          varchar(100)  not null,
    name             varchar(200)  not null,
    description      text,
    preset_key       varchar(60),
    firm_default     boolean       not null default false,
    current_version  integer       not null,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    version          bigint        not null default 0
);
create unique index ruleset_name_unique on ruleset (firm_id, lower(name));
create unique index ruleset_one_default on ruleset (firm_id) where firm_default;
create unique index ruleset_preset_unique on ruleset (firm_id, preset_key) where preset_key is not null;

create table ruleset_version (
    ruleset_id          uuid          not null references ruleset (id),
    version             integer       not null,
    rules               text          not null,
    published_event_id  uuid          not null,
    created_at          timestamptz   not null,
    created_by          varchar(200),
    primary key (ruleset_id, version)
);

-- One row per firm whose presets exist: the guard that makes creating them idempotent under concurrency.
create table firm_presets (
    firm_id     varchar(100) primary key,
    created_at  timestamptz  not null
);

-- The roster the LMS syncs. Emails are stored lower case.
create table enrollment (
    id                uuid primary key,
    session_id        uuid          not null references session (id),
    firm_id           varchar(100)  not null,
    lms_id            varchar(200)  not null,
    email             varchar(320)  not null,
    alternate_emails  text[]        not null,
    display_name      varchar(300),
    enrolled_at       timestamptz   not null
);
create unique index enrollment_lms_unique on enrollment (session_id, lms_id);
create unique index enrollment_email_unique on enrollment (session_id, email);

alter table session add column roster_revision integer not null default 0;
alter table session add column provider_type varchar(20);
