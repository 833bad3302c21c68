package io.teamscpe.platform.web;

import io.teamscpe.platform.problem.ProblemException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A list's time-range filter as a query parameter: an ISO instant ({@code 2026-10-05T16:00:00Z}, any offset) or an
 * ISO date ({@code 2026-10-05}, a whole UTC day: from its start, or up to its end). Anything else is a 400
 * {@code invalid-parameter} naming the parameter.
 */
public final class QueryInstants {
    public static final String DOC = "an ISO date (2026-10-05: the whole UTC day) or instant (2026-10-05T16:00:00Z)";

    private QueryInstants() {
    }

    /** The start of a range: the instant, or the date's first moment (UTC); null when absent or blank. */
    public static Instant from(String parameter, String value) {
        return parse(parameter, value, false);
    }

    /** The exclusive end of a range: the instant, or the first moment after the date (UTC); null when absent. */
    public static Instant until(String parameter, String value) {
        return parse(parameter, value, true);
    }

    private static Instant parse(String parameter, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.indexOf('T') < 0 && v.indexOf('t') < 0) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v); // ISO_INSTANT: Z or any offset, the whole range of Instant
        } catch (DateTimeException e) {
            String shown = v.length() > 60 ? v.substring(0, 60) + "…" : v;
            throw ProblemException.badRequest("invalid-parameter", "A parameter has the wrong form", "'" + parameter
                    + "' is '" + shown + "'; send " + DOC + ".").with("parameter", parameter);
        }
    }
}
