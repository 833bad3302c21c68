package io.teamscpe.platform.people;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalized display names and email keys, and how alike two of them are: polling-service matches poll respondents
 * with them, reporting-service ranks the professionals an unmatched attendee may be.
 */
public final class Names {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private Names() {
    }

    /**
     * {@code "Cormier, Frédéric J."} and {@code "frederic cormier"} both give {@code "cormier frederic"}: accents and
     * case dropped, "Last, First" turned around, middle initials removed, tokens sorted (order-insensitive).
     */
    public static String normalize(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String s = name.trim();
        int comma = s.indexOf(',');
        if (comma > 0 && s.indexOf(',', comma + 1) < 0) {
            s = s.substring(comma + 1) + " " + s.substring(0, comma);
        }
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        for (String t : NOT_LETTER.split(s)) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        if (tokens.size() > 2) {
            List<String> full = tokens.stream().filter(t -> t.length() > 1).toList();
            if (full.size() >= 2) {
                tokens = new ArrayList<>(full);
            }
        }
        if (tokens.isEmpty()) {
            return null;
        }
        tokens.sort(null);
        return String.join(" ", tokens);
    }

    public static String email(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** The key a respondent is remembered by across sessions: their email, else their normalized name. */
    public static String respondentKey(String email, String name) {
        String e = email(email);
        if (e != null) {
            return "email:" + e;
        }
        String n = normalize(name);
        return n == null ? null : "name:" + n;
    }

    /** Dice coefficient over letter pairs, 0..1. */
    public static double similarity(String a, String b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        Set<String> pa = pairs(a);
        Set<String> pb = pairs(b);
        if (pa.isEmpty() || pb.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String p : pa) {
            if (pb.contains(p)) {
                common++;
            }
        }
        return 2.0 * common / (pa.size() + pb.size());
    }

    private static Set<String> pairs(String s) {
        Set<String> pairs = new HashSet<>();
        String t = s.replace(" ", "");
        for (int i = 0; i + 1 < t.length(); i++) {
            pairs.add(t.substring(i, i + 2));
        }
        return pairs;
    }

    /** The part of an email before the @, with separators as spaces: {@code fred.cormier@x} gives "fred cormier". */
    public static String localPart(String email) {
        String e = email(email);
        if (e == null) {
            return null;
        }
        int at = e.indexOf('@');
        return normalize((at > 0 ? e.substring(0, at) : e).replace('.', ' ').replace('_', ' ').replace('-', ' '));
    }
}
