package io.teamscpe.contracts.credit;

import io.teamscpe.contracts.EventType;
import java.time.Instant;

/** First award of a professional for a session in one credit type. */
@EventType("io.teamscpe.credit.awarded.v2")
public record CreditAwarded(String sessionId, String firmId, String professionalId, String creditType,
                            CreditAward award, Instant occurredAt) implements CreditEvent {
}
