package io.teamscpe.emulator.graph.users;

import io.teamscpe.emulator.Scenario.User;
import io.teamscpe.emulator.graph.GraphError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of Graph's user queries the product uses: {@code $search="displayName:dana"} (several terms joined
 * with OR/AND; matched case-insensitively inside displayName, mail or UPN) and
 * {@code $filter=startswith(displayName,'da')} (also on mail, userPrincipalName, givenName, surname; with or/and).
 */
final class UserQuery {

    private static final Pattern SEARCH_TERM = Pattern.compile("\"(?:[A-Za-z]+:)?([^\"]*)\"");
    private static final Pattern STARTS_WITH =
            Pattern.compile("(?i)startswith\\(\\s*(\\w+)\\s*,\\s*'((?:[^']|'')*)'\\s*\\)");
    private static final Pattern EQUALS = Pattern.compile("(?i)(\\w+)\\s+eq\\s+'((?:[^']|'')*)'");

    private UserQuery() {
    }

    static Predicate<User> search(String search) {
        if (search == null || search.isBlank()) {
            return u -> true;
        }
        List<String> terms = new ArrayList<>();
        Matcher m = SEARCH_TERM.matcher(search);
        while (m.find()) {
            terms.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        if (terms.isEmpty()) {
            terms.add(search.replace("\"", "").trim().toLowerCase(Locale.ROOT));
        }
        boolean all = search.contains(" AND ");
        return user -> all ? terms.stream().allMatch(t -> contains(user, t)) : terms.stream().anyMatch(t -> contains(user, t));
    }

    static Predicate<User> filter(String filter) {
        if (filter == null || filter.isBlank()) {
            return u -> true;
        }
        List<Predicate<User>> clauses = new ArrayList<>();
        Matcher starts = STARTS_WITH.matcher(filter);
        while (starts.find()) {
            String property = starts.group(1);
            String prefix = unquote(starts.group(2)).toLowerCase(Locale.ROOT);
            clauses.add(u -> lower(property(u, property)).startsWith(prefix));
        }
        Matcher equals = EQUALS.matcher(filter);
        while (equals.find()) {
            String property = equals.group(1);
            String value = unquote(equals.group(2)).toLowerCase(Locale.ROOT);
            clauses.add(u -> lower(property(u, property)).equals(value));
        }
        if (clauses.isEmpty()) {
            throw GraphError.badRequest("Unsupported $filter '" + filter + "': the emulator understands"
                    + " startswith(property,'text') and property eq 'text', joined with or/and.");
        }
        boolean all = filter.toLowerCase(Locale.ROOT).contains(" and ");
        return user -> all ? clauses.stream().allMatch(c -> c.test(user)) : clauses.stream().anyMatch(c -> c.test(user));
    }

    private static boolean contains(User user, String term) {
        return lower(user.displayName()).contains(term) || lower(user.mail()).contains(term)
                || lower(user.userPrincipalName()).contains(term);
    }

    private static String property(User user, String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "displayname" -> user.displayName();
            case "mail" -> user.mail();
            case "userprincipalname" -> user.userPrincipalName();
            case "givenname" -> UsersApi.toJson(user).get("givenName") instanceof String s ? s : null;
            case "surname" -> UsersApi.toJson(user).get("surname") instanceof String s ? s : null;
            case "id" -> user.id();
            default -> throw GraphError.badRequest("Unsupported property '" + name + "' in $filter.");
        };
    }

    private static String unquote(String odataLiteral) {
        return odataLiteral.replace("''", "'");
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
