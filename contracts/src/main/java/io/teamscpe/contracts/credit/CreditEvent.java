package io.teamscpe.contracts.credit;

import io.teamscpe.contracts.CpeEvent;
import io.teamscpe.contracts.Topic;
import io.teamscpe.contracts.Topics;

/**
 * Credit handed to downstream CPE systems when an admin processes a session. A consumer rebuilds every
 * professional's credit for a session from this topic alone: the latest {@link CreditAwarded} or
 * {@link CreditRevised} of (session, professional, credit type) holds the credit; a later {@link CreditRevoked}
 * sets it to zero. Key: session id (so one session's corrections arrive in order). Version 2 of these types added
 * the credit type to the identity; the topic's version 1 events (before credit types) count as credit type
 * {@code CPE}.
 */
@Topic(Topics.CREDITS)
public sealed interface CreditEvent extends CpeEvent permits CreditAwarded, CreditRevised, CreditRevoked {
    String sessionId();

    String professionalId();

    /** The session's credit type this credit is of ({@code CPA}, {@code CFP}, … ; {@code CPE} for a single type). */
    String creditType();

    @Override
    default String key() {
        return sessionId();
    }
}
