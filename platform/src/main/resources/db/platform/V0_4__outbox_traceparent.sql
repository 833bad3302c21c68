-- The W3C trace context of the transaction that published the event (null when none was traced): the relay sends
-- it as the record's traceparent header, so a consumer's work joins the trace of the request that caused it.
alter table outbox_event add column if not exists traceparent varchar(55);
