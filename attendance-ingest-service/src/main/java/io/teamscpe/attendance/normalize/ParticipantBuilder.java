package io.teamscpe.attendance.normalize;

import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.contracts.attendance.Participant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Builds one normalized participant from its rows, in source order: the first non-empty identity fields win, every
 * interval is kept, and guests and anonymous joiners are kept and flagged rather than dropped.
 */
public final class ParticipantBuilder {
    /** A participant with all its intervals, sorted by join time (null joins last). */
    public record Normalized(Participant participant, List<Interval> intervals) {
    }

    private static final Comparator<Interval> BY_JOIN = Comparator.comparing(Interval::joined,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private final String key;
    private String objectId;
    private String email;
    private String displayName;
    private String role;
    private final List<Interval> intervals = new ArrayList<>();

    public ParticipantBuilder(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public void add(AttendanceRow row) {
        String cleanEmail = row.email() == null || row.email().isBlank() ? null : row.email().trim();
        objectId = objectId != null ? objectId : blankToNull(row.objectId());
        email = email != null ? email : cleanEmail;
        displayName = displayName != null ? displayName : blankToNull(row.displayName());
        role = role != null ? role : row.role();
        intervals.addAll(row.intervals());
    }

    public Normalized build() {
        boolean visitor = objectId != null && objectId.startsWith("teamsvisitor:");
        Set<String> flags = new LinkedHashSet<>();
        if (email == null) {
            flags.add("NO_EMAIL");
        }
        if (displayName == null) {
            flags.add("NO_DISPLAY_NAME");
        }
        if (visitor) {
            flags.add("TEAMS_VISITOR");
        }
        if (intervals.stream().anyMatch(i -> i.joined() == null || i.left() == null)) {
            flags.add("NULL_INTERVAL");
        }
        boolean anonymous = objectId == null || visitor;
        boolean guest = anonymous || email == null;
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(BY_JOIN);
        return new Normalized(new Participant(key, visitor ? null : objectId, email, displayName, role, guest,
                anonymous, List.copyOf(flags)), List.copyOf(sorted));
    }

    static String keyOf(String objectId, String email, String displayName, List<Interval> intervals) {
        if (objectId != null && !objectId.isBlank()) {
            return objectId.trim();
        }
        if (email != null) {
            return "email:" + email.toLowerCase(Locale.ROOT);
        }
        Instant first = intervals.stream().map(Interval::joined).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        return "anonymous:" + sha256(displayName + "|" + first).substring(0, 16);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
