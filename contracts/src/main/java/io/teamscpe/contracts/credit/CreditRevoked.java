package io.teamscpe.contracts.credit;

import io.teamscpe.contracts.EventType;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The professional no longer has credit of one type for the session (e.g. unenrolled, no longer seeking the type,
 * or re-processing found none).
 */
@EventType("io.teamscpe.credit.revoked.v2")
public record CreditRevoked(String sessionId, String firmId, String professionalId, String creditType,
                            BigDecimal previousCredits, String reason, int processingRun, String revokedBy, Instant occurredAt)
        implements CreditEvent {
}
