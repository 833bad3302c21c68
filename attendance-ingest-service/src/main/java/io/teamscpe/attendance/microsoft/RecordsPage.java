package io.teamscpe.attendance.microsoft;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.attendance.normalize.AttendanceRow;
import io.teamscpe.contracts.attendance.Interval;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a report's attendance records as Graph sent it: the body verbatim (kept for the audit), its rows, and
 * the next page's URL. Read with Jackson from the bytes the SDK received rather than through the SDK's models,
 * whose backing store made parsing the slowest part of a 10,000-attendee fetch.
 */
public record RecordsPage(String body, List<AttendanceRow> rows, String nextLink) {

    static RecordsPage parse(ObjectMapper json, byte[] body) {
        Page page;
        try {
            page = json.readValue(body, Page.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Graph sent an attendance page that is not the documented JSON", e);
        }
        List<AttendanceRow> rows = new ArrayList<>(page.value == null ? 0 : page.value.size());
        for (Record r : page.value == null ? List.<Record>of() : page.value) {
            rows.add(new AttendanceRow(r.identity == null ? null : r.identity.id, r.emailAddress,
                    r.identity == null ? null : r.identity.displayName, r.role, intervals(r.attendanceIntervals)));
        }
        return new RecordsPage(new String(body, StandardCharsets.UTF_8), rows, page.nextLink);
    }

    private static List<Interval> intervals(List<TimeSpan> spans) {
        if (spans == null) {
            return List.of();
        }
        List<Interval> intervals = new ArrayList<>(spans.size());
        for (TimeSpan s : spans) {
            intervals.add(new Interval(s.joinDateTime, s.leaveDateTime));
        }
        return intervals;
    }

    /** {@code attendanceRecord} collection page (Graph v1.0); other properties are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(@JsonProperty("@odata.nextLink") String nextLink, List<Record> value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Record(String emailAddress, String role, Identity identity, List<TimeSpan> attendanceIntervals) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Identity(String id, String displayName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TimeSpan(Instant joinDateTime, Instant leaveDateTime) {
    }
}
