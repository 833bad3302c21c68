package io.teamscpe.contracts.credit;

import io.teamscpe.contracts.CpeEvent;
import io.teamscpe.contracts.Topic;
import io.teamscpe.contracts.Topics;

/**
 * Credit handed to downstream CPE systems when an admin processes a session. A consumer rebuilds every
 * professional's credit for a session from this topic alone: the latest {@link CreditAwarded} or
 * {@link CreditRevised} of (session, professional) holds the credit; a later {@link CreditRevoked} sets it to zero.
 * Key: session id (so one session's corrections arrive in order).
 */
@Topic(Topics.CREDITS)
public sealed interface CreditEvent extends CpeEvent permits CreditAwarded, CreditRevised, CreditRevoked {
    String sessionId();

    String professionalId();

    @Override
    default String key() {
        return sessionId();
    }
}
