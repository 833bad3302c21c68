package io.teamscpe.polling.reconcile;

import java.util.List;
import java.util.Map;

/**
 * What respondents of one session are matched against: the matcher over its attendance, enrollments and the firm's
 * mappings, and each participant's attendance intervals (epoch seconds) for the time check.
 */
public record MatchContext(RespondentMatcher matcher, Map<String, List<long[]>> presence, List<Person> participants) {
}
