-- Operator actions (key rotation, dead-letter redrive): who did what, when, and how it ended.
create table operator_action (
    id       uuid primary key,
    at       timestamptz  not null,
    operator varchar(300) not null,
    action   varchar(200) not null,
    outcome  varchar(2000) not null
);
create index operator_action_at on operator_action (at);
