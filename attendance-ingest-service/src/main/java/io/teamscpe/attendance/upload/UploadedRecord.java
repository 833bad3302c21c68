package io.teamscpe.attendance.upload;

import io.teamscpe.contracts.attendance.Interval;
import java.util.List;

/**
 * One participant of an uploaded list. Empty cells are null; {@code displayName} is verbatim (guests keep their
 * "(Guest)"/"(External)" suffix); {@code role} is Organizer, Presenter or Attendee when the file's (possibly
 * localized) role is recognised, else verbatim. Intervals are UTC, sorted by join.
 */
public record UploadedRecord(String upn, String email, String displayName, String role, List<Interval> intervals) {
    public UploadedRecord {
        intervals = List.copyOf(intervals);
    }

    /** What to hand the attendance normalizer as the email: the file has no object ids, so the UPN stands in. */
    public String emailOrUpn() {
        return email != null ? email : upn;
    }
}
