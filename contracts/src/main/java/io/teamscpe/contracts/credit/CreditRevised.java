package io.teamscpe.contracts.credit;

import io.teamscpe.contracts.EventType;
import java.math.BigDecimal;
import java.time.Instant;

/** A correction: the professional's credit of one type for the session is now {@code award.credits()}. */
@EventType("io.teamscpe.credit.revised.v2")
public record CreditRevised(String sessionId, String firmId, String professionalId, String creditType,
                            BigDecimal previousCredits, CreditAward award, Instant occurredAt) implements CreditEvent {
}
