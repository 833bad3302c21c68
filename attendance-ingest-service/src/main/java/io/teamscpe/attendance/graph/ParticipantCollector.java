package io.teamscpe.attendance.graph;

import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.contracts.attendance.Participant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Normalizes Graph attendance records into participants: one per person across reports (a restarted meeting has
 * several), every interval kept, guests and anonymous joiners kept and flagged rather than dropped.
 */
public class ParticipantCollector {
    public record Normalized(Participant participant, List<Interval> intervals) {
    }

    private static final Comparator<Interval> BY_JOIN = Comparator.comparing(Interval::joined,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private final Map<String, Builder> byKey = new LinkedHashMap<>();
    private int records;

    public void add(String objectId, String email, String displayName, String role, List<Interval> intervals) {
        records++;
        String cleanEmail = email == null || email.isBlank() ? null : email.trim();
        String key = keyOf(objectId, cleanEmail, displayName, intervals);
        Builder b = byKey.computeIfAbsent(key, k -> new Builder(k));
        b.objectId = b.objectId != null ? b.objectId : blankToNull(objectId);
        b.email = b.email != null ? b.email : cleanEmail;
        b.displayName = b.displayName != null ? b.displayName : blankToNull(displayName);
        b.role = b.role != null ? b.role : role;
        b.intervals.addAll(intervals);
    }

    public int records() {
        return records;
    }

    public List<Normalized> participants() {
        List<Normalized> out = new ArrayList<>(byKey.size());
        for (Builder b : byKey.values()) {
            out.add(b.build());
        }
        out.sort(Comparator.comparing(n -> n.participant().participantKey()));
        return out;
    }

    static String keyOf(String objectId, String email, String displayName, List<Interval> intervals) {
        if (objectId != null && !objectId.isBlank()) {
            return objectId.trim();
        }
        if (email != null) {
            return "email:" + email.toLowerCase(Locale.ROOT);
        }
        Instant first = intervals.stream().map(Interval::joined).filter(java.util.Objects::nonNull).min(
                Comparator.naturalOrder()).orElse(null);
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

    private static final class Builder {
        final String key;
        String objectId;
        String email;
        String displayName;
        String role;
        final List<Interval> intervals = new ArrayList<>();

        Builder(String key) {
            this.key = key;
        }

        Normalized build() {
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
    }
}
