package io.teamscpe.attendance;

import io.teamscpe.attendance.normalize.AttendanceRow;
import io.teamscpe.platform.readmodel.KnownSession;
import java.util.List;

/**
 * The seam to the meeting platform's attendance: reads a session's attendance records for its meeting, page by page
 * (the Microsoft Graph implementation lives in {@code microsoft/}).
 */
public interface AttendanceSource {
    /** Receives each page of records as read: its report, the raw page as the platform sent it, and the rows. */
    interface PageSink {
        void page(String reportId, String rawPage, List<AttendanceRow> rows);
    }

    /** The snapshot source this names in the snapshot and its events (e.g. {@code graph}). */
    String name();

    /** Reads every page of the reports that cover the session; returns their ids (empty: no report yet). */
    List<String> read(KnownSession session, PageSink sink);

    /**
     * What a failure of {@link #read} means for an administrator when it is the platform refusing (permission,
     * consent, token), or null when the failure is not a refusal.
     */
    String refusal(RuntimeException failure, KnownSession session);
}
