create table ruleset_version (
    ruleset_id    varchar(100) not null,
    version       integer      not null,
    firm_id       varchar(100) not null,
    name          varchar(200) not null,
    firm_default  boolean      not null,
    rules         jsonb        not null,
    primary key (ruleset_id, version)
);

-- The session's current roster (the highest complete roster revision).
create table roster (
    session_id        varchar(100) not null,
    lms_id            varchar(200) not null,
    email             varchar(320),
    alternate_emails  text[]       not null,
    display_name      varchar(300),
    primary key (session_id, lms_id)
);
create table roster_staging (
    snapshot_id  varchar(100) not null,
    session_id   varchar(100) not null,
    sequence     integer      not null,
    enrollees    jsonb        not null,
    primary key (snapshot_id, sequence)
);
create table roster_state (
    session_id       varchar(100) primary key,
    roster_revision  integer      not null,
    snapshot_id      varchar(100) not null,
    enrolled_count   integer      not null
);

-- Polls: the header of each revision, its response chunks, and the current complete revision's responses.
create table poll (
    poll_id           varchar(100) primary key,
    session_id        varchar(100) not null,
    firm_id           varchar(100) not null,
    question          text,
    file_name         text,
    sha256            varchar(64),
    included          boolean      not null,
    current_revision  integer      not null default 0,
    updated_at        timestamptz  not null
);
create index poll_session on poll (session_id);
create table poll_revision (
    poll_id      varchar(100) not null,
    revision     integer      not null,
    chunk_count  integer      not null,
    header       jsonb        not null,
    primary key (poll_id, revision)
);
create table poll_chunk (
    poll_id    varchar(100) not null,
    revision   integer      not null,
    sequence   integer      not null,
    responses  jsonb        not null,
    primary key (poll_id, revision, sequence)
);
create table poll_response (
    poll_id          varchar(100) not null,
    response_id      varchar(100) not null,
    session_id       varchar(100) not null,
    respondent_email varchar(320),
    respondent_name  varchar(300),
    anonymous        boolean      not null,
    answers          jsonb        not null,
    completed_at     timestamptz,
    participant_key  varchar(300),
    professional_id  varchar(200),
    primary key (poll_id, response_id)
);
create index poll_response_session on poll_response (session_id);
