package io.teamscpe.contracts.credit;

import io.teamscpe.contracts.EventType;
import java.time.Instant;

/** First award of a professional for a session. */
@EventType("io.teamscpe.credit.awarded.v1")
public record CreditAwarded(String sessionId, String firmId, String professionalId, CreditAward award,
                            Instant occurredAt) implements CreditEvent {
}
