package io.teamscpe.contracts.poll;

import java.time.Instant;
import java.util.List;

/**
 * One response of a poll export.
 *
 * @param responseId     the export's {@code ID} cell
 * @param anonymous      no name and no usable email: counts in the poll's totals, never earns anyone credit
 * @param answers        the chosen option(s); a multi-select cell {@code A;C;} gives {@code [A, C]}
 * @param startedAt      the export's start time read in the poll's time zone, as UTC
 * @param participantKey the attendance participant the respondent was matched to, if any
 * @param professionalId the enrolled professional the respondent was matched to, if any
 * @param matchMethod    how the match was made: EMAIL, UPN, ALTERNATE_EMAIL, NAME, MAPPING; null when unmatched
 */
public record PollResponse(String responseId, String respondentEmail, String respondentName, boolean anonymous,
                           List<String> answers, Instant startedAt, Instant completedAt, String participantKey,
                           String professionalId, String matchMethod) {
}
