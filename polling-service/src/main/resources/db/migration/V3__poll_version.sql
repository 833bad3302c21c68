-- Bumped with every change of a poll row (JPA @Version): the poll's ETag, which If-Match on PUT/PATCH compares.
alter table poll add column version bigint not null default 0;
