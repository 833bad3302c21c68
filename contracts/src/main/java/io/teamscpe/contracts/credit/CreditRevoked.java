package io.teamscpe.contracts.credit;

import io.teamscpe.contracts.EventType;
import java.math.BigDecimal;
import java.time.Instant;

/** The professional no longer has credit for the session (e.g. unenrolled, or re-processing found none). */
@EventType("io.teamscpe.credit.revoked.v1")
public record CreditRevoked(String sessionId, String firmId, String professionalId, BigDecimal previousCredits,
                            String reason, int processingRun, String revokedBy, Instant occurredAt)
        implements CreditEvent {
}
