package io.teamscpe.reporting.report;

import java.time.Instant;

/**
 * A credit event as reporting published it on cpe.credits.v1.
 *
 * @param data   the event's JSON body, exactly as sent (CloudEvents binary mode: the data)
 * @param sentAt when Kafka acknowledged it; null while it waits in the outbox
 */
public record PublishedCreditEvent(String eventId, String type, Instant time, Instant sentAt, String data) {
}
