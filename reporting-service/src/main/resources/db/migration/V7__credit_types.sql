-- Credit types: a session awards one or more kinds of credit (CPA under NASBA, CFP, enrolled agent…), each under
-- its own ruleset version and maximum; an enrollment says which ones the professional seeks. Overrides, awards and
-- processing counts become per professional per credit type. Everything held before gets the one type, CPE.

-- The session's credit types in the administrator's order (position 0 is the one known_session's ruleset fields
-- describe), replaced whole by each newer session revision (store/CreditTypes).
create table report_credit_type (
    session_id           varchar(100)  not null,
    position             integer       not null,
    code                 varchar(40)   not null,
    ruleset_id           varchar(100),
    ruleset_version      integer,
    max_credits          numeric(5, 2),
    max_credits_derived  boolean       not null default false,
    primary key (session_id, position),
    unique (session_id, code)
);
create index report_credit_type_ruleset on report_credit_type (ruleset_id);

-- Sessions held before: their one type, CPE, from their ruleset and maximum. On a schema from before the session
-- read model moved to platform, known_session does not exist yet at this point (V1000_x run later): those sessions
-- get CPE from known_session's fields when read (store/CreditTypes), until their next session event.
do $$
begin
    if to_regclass('known_session') is not null then
        insert into report_credit_type (session_id, position, code, ruleset_id, ruleset_version, max_credits,
                                        max_credits_derived)
        select session_id, 0, 'CPE', ruleset_id, ruleset_version, max_credits, false from known_session
        on conflict do nothing;
    end if;
end
$$;

-- The codes of the session's credit types the enrollee seeks; null (every enrollment before credit types): all.
alter table roster add column credit_types text[];

-- Overrides are per participant per credit type.
alter table credit_override add column credit_type varchar(40) not null default 'CPE';
alter table credit_override alter column credit_type drop default;
drop index credit_override_session;
create index credit_override_session on credit_override (session_id, participant_id, credit_type, id);

-- What processing published, per professional per credit type.
alter table credit_award add column credit_type varchar(40) not null default 'CPE';
alter table credit_award alter column credit_type drop default;
alter table credit_award drop constraint credit_award_pkey;
alter table credit_award add primary key (session_id, professional_id, credit_type);

-- Each run's counts per credit type (processing_run keeps the totals).
create table processing_run_credit_type (
    session_id   varchar(100) not null,
    run          integer      not null,
    credit_type  varchar(40)  not null,
    awarded      integer      not null,
    revised      integer      not null,
    revoked      integer      not null,
    unchanged    integer      not null,
    no_shows     integer      not null,
    primary key (session_id, run, credit_type)
);
insert into processing_run_credit_type (session_id, run, credit_type, awarded, revised, revoked, unchanged, no_shows)
select session_id, run, 'CPE', awarded, revised, revoked, unchanged, no_shows from processing_run;
