package io.teamscpe.contracts.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What one professional was awarded for one session, and on what grounds.
 *
 * @param overrideReason the admin's reason when the credit differs from the suggestion, else null
 * @param processingRun  the session's processing run (1, 2, ...) that produced this award
 */
public record CreditAward(String professionalId, String email, String displayName, BigDecimal credits,
                          String sessionTitle, List<String> fieldsOfStudy, String deliveryMethod, String rulesetId,
                          int rulesetVersion, long minutesPresent, int pollsAnswered, int pollsPresented,
                          String overrideReason, int processingRun, String awardedBy, Instant awardedAt) {
}
