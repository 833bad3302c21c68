-- A session's credit types (CPA under NASBA, CFP, enrolled agent …), each under its own ruleset version and maximum,
-- in the administrator's order. Position 0 is the first type: session.ruleset_id, ruleset_version and max_credits
-- keep repeating it (the session list, pre-flight and consumers written before credit types read them).
create table session_credit_type (
    session_id           uuid          not null references session (id),
    position             integer       not null,
    code                 varchar(40)   not null,
    ruleset_id           uuid,
    ruleset_version      integer,
    max_credits          numeric(5, 2),
    -- true: max_credits was derived from the scheduled duration under the ruleset (re-derived on every change)
    max_credits_derived  boolean       not null default false,
    primary key (session_id, code)
);
-- codes are unique within a session ignoring case; one type per position
create unique index session_credit_type_code_ci on session_credit_type (session_id, lower(code));
create unique index session_credit_type_position on session_credit_type (session_id, position);
-- "sessions using a ruleset version" (RulesetStore.sessionsUsing) counts every type's ruleset
create index session_credit_type_ruleset on session_credit_type (ruleset_id, ruleset_version);

-- Every session made before credit types has one, CPE, from its ruleset and maximum. A maximum left empty stays
-- empty (no maximum, as before) and is not marked derived: the session's next update derives one.
insert into session_credit_type (session_id, position, code, ruleset_id, ruleset_version, max_credits,
                                 max_credits_derived)
select id, 0, 'CPE',
       case when ruleset_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
            then ruleset_id::uuid end,
       ruleset_version, max_credits, false
from session;

-- Which of the session's credit types the professional seeks; null = all of them (every enrollment made before).
alter table enrollment add column credit_types text[];
