package io.teamscpe.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What a hostile or careless client sends instead of a proper value: control characters, 10,000 characters, absurd
 * numbers, the wrong type. Path and query values are given already percent-encoded (so {@code %00} is the NUL
 * character on the wire); JSON values as the raw JSON text that replaces a field's value.
 */
final class HostileValues {
    /** A named value. */
    record Value(String name, String text) {
    }

    static final String LONG = "a".repeat(10_000);
    private static final String SHORTER = "a".repeat(1_000);

    private HostileValues() {
    }

    /** For a path parameter whose proper value is {@code real} (an id of the walker's own firm, if there is one). */
    static List<Value> path(String real) {
        return List.of(new Value("real id", real), new Value("random UUID", UUID.randomUUID().toString()),
                new Value("not a UUID", "not-a-uuid"), new Value("NUL %00", "%00"),
                new Value("real id + NUL", real + "%00"), new Value("control %01", "%01"),
                new Value("DEL %7F", "%7F"), new Value("overlong NUL %C0%80", "%C0%80"),
                new Value("invalid UTF-8 %FF", "%FF"), new Value("1,000 characters", SHORTER),
                new Value("10,000 characters", LONG), new Value("-1", "-1"), new Value("1e400", "1e400"),
                new Value("NaN", "NaN"), new Value("blank %20", "%20"), new Value("encoded slash", "a%2Fb"),
                new Value("quote and angle brackets", "%22%3Cx%3E%27"));
    }

    /** For a query parameter of {@code schema}. */
    static List<Value> query(JsonNode schema) {
        List<Value> values = new ArrayList<>(List.of(new Value("NUL %00", "%00"), new Value("control %01", "a%01b"),
                new Value("invalid UTF-8 %FF", "%FF"), new Value("empty", ""),
                new Value("1,000 characters", SHORTER), new Value("10,000 characters", LONG),
                new Value("object", "%7B%7D"), new Value("array", "%5B%5D"), new Value("-1", "-1"),
                new Value("SQL", "%27%20OR%201%3D1%20--"), new Value("LIKE wildcards", "%25_%5C")));
        if (schema.has("maxLength")) {
            values.add(new Value("maxLength characters", "a".repeat(schema.path("maxLength").asInt())));
        }
        String type = OpenApiDocument.typeOf(schema);
        if (type.equals("integer") || type.equals("number")) {
            values.addAll(List.of(new Value("huge", "99999999999999999999"), new Value("max int", "2147483647"),
                    new Value("int overflow", "2147483648"),
                    new Value("int underflow", "-2147483649"), new Value("NaN", "NaN"),
                    new Value("Infinity", "Infinity"), new Value("1e400", "1e400"), new Value("fraction", "1.5"),
                    new Value("not a number", "abc")));
        }
        String format = schema.path("format").asText();
        if (format.equals("date-time") || format.equals("date")) {
            values.addAll(List.of(new Value("not a date", "not-a-date"),
                    new Value("year +999999999", "%2B999999999-12-31T23:59:59Z"),
                    new Value("year -999999999", "-999999999-01-01T00:00:00Z"),
                    new Value("impossible date", "2026-02-30T25:61:61Z"), new Value("no zone", "2026-10-05T16:00:00"),
                    new Value("date only", "2026-10-05")));
        }
        if (schema.path("enum").isArray()) {
            values.addAll(List.of(new Value("not a value", "NOT_A_VALUE"),
                    new Value("lower case", schema.path("enum").path(0).asText().toLowerCase(Locale.ROOT))));
        }
        return values;
    }

    /** For a header parameter (the JDK client sends no control characters in headers). */
    static List<Value> header() {
        return List.of(new Value("10,000 characters", LONG), new Value("empty", ""), new Value("star", "*"),
                new Value("unterminated quote", "\"abc"), new Value("weak etag only", "W/"),
                new Value("absurd weights", "gzip;q=NaN, br;q=1e400, *;q=-1"), new Value("commas", ",,,,"));
    }

    /** Raw JSON replacing a value of {@code schema}: its own type's worst cases, then every other type. */
    static List<Value> json(JsonNode schema) {
        List<Value> values = new ArrayList<>();
        String type = OpenApiDocument.typeOf(schema);
        switch (type) {
            case "integer", "number" -> values.addAll(List.of(new Value("1e400", "1e400"),
                    new Value("-1e400", "-1e400"), new Value("1e-400", "1e-400"),
                    new Value("huge", "99999999999999999999999999999999"), new Value("-1", "-1"),
                    new Value("int underflow", "-2147483649"), new Value("max int", "2147483647"),
                    new Value("max long", "9223372036854775807"), new Value("long overflow", "9223372036854775808"),
                    new Value("NaN token", "NaN"), new Value("Infinity token", "Infinity"),
                    new Value("\"NaN\"", "\"NaN\""), new Value("\"1e400\"", "\"1e400\""),
                    new Value("string", "\"abc\""), new Value("many decimals", "0.333333333333333333333333"),
                    new Value("tiny", "1e-10")));
            case "boolean" -> values.addAll(List.of(new Value("\"yes\"", "\"yes\""), new Value("1", "1"),
                    new Value("NUL string", "\"\\u0000\"")));
            case "array" -> values.addAll(List.of(new Value("string", "\"x\""), new Value("number", "1"),
                    new Value("[null]", "[null]"), new Value("[[]]", "[[]]")));
            case "object" -> values.addAll(List.of(new Value("string", "\"x\""), new Value("array", "[]"),
                    new Value("number", "1"), new Value("empty object", "{}")));
            default -> values.addAll(strings(schema));
        }
        if (!type.equals("object")) {
            values.add(new Value("object", "{}"));
        }
        if (!type.equals("array")) {
            values.add(new Value("array", "[]"));
        }
        if (type.isEmpty() || type.equals("string")) {
            values.addAll(List.of(new Value("number", "123"), new Value("boolean", "true")));
        }
        values.add(new Value("null", "null"));
        return values;
    }

    /** What a field of this name invites, beyond its type: broken URLs, emails, time zones, ids. */
    static List<Value> named(String field) {
        String name = field.toLowerCase(Locale.ROOT);
        if (name.contains("url")) {
            return List.of(new Value("not a URL", "\"not a url\""), new Value("bad escape", "\""
                    + "https://teams.microsoft.com/l/meetup-join/%ZZ/0\""), new Value("broken context", "\""
                    + "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0?context=%7B%22Tid\""),
                    new Value("other host", "\"https://evil.example/l/meetup-join/x/0\""),
                    new Value("javascript", "\"javascript:alert(1)\""), new Value("unclosed IPv6", "\"http://[::1\""));
        }
        if (name.contains("email")) {
            return List.of(new Value("just @", "\"@\""), new Value("two @", "\"a@b@c\""),
                    new Value("no domain", "\"a@\""), new Value("320-char email", "\"" + "a".repeat(300)
                            + "@contoso.example\""));
        }
        if (name.contains("zone")) {
            return List.of(new Value("unknown zone", "\"Mars/Olympus\""), new Value("offset +99:00", "\"+99:00\""),
                    new Value("offset zone", "\"UTC+14:00\""), new Value("legacy zone", "\"SystemV/EST5\""),
                    new Value("GMT0", "\"GMT0\""));
        }
        if (name.endsWith("id") || name.endsWith("key")) {
            return List.of(new Value("random UUID", "\"" + UUID.randomUUID() + "\""),
                    new Value("not a UUID", "\"not-a-uuid\""), new Value("-1", "\"-1\""));
        }
        return List.of();
    }

    private static List<Value> strings(JsonNode schema) {
        List<Value> values = new ArrayList<>(List.of(new Value("NUL", "\"\\u0000\""),
                new Value("NUL inside", "\"a\\u0000b\""), new Value("control \\u0001", "\"\\u0001\""),
                new Value("lone surrogate", "\"\\ud800\""), new Value("10,000 characters", '"' + LONG + '"'),
                new Value("empty", "\"\""), new Value("blank", "\"   \""), new Value("1e400", "1e400"),
                new Value("emoji", "\"\\ud83d\\ude00\""), new Value("path traversal", "\"../../../etc/passwd\"")));
        if (schema.has("maxLength")) {
            values.add(new Value("maxLength characters", '"' + "a".repeat(schema.path("maxLength").asInt()) + '"'));
            values.add(new Value("maxLength emoji (UTF-16 units)",
                    '"' + "\\ud83d\\ude00".repeat(schema.path("maxLength").asInt() / 2) + '"'));
        }
        switch (schema.path("format").asText()) {
            case "uuid" -> values.add(new Value("not a UUID", "\"not-a-uuid\""));
            case "date-time" -> values.addAll(List.of(new Value("not a date", "\"not-a-date\""),
                    new Value("year +999999999", "\"+999999999-12-31T23:59:59Z\""),
                    new Value("year -999999999", "\"-999999999-01-01T00:00:00Z\""),
                    new Value("impossible date", "\"2026-02-30T25:61:61Z\""),
                    new Value("no zone", "\"2026-10-05T16:00:00\""), new Value("date only", "\"2026-10-05\"")));
            case "date" -> values.addAll(List.of(new Value("not a date", "\"0000-00-00\""),
                    new Value("year +999999999", "\"+999999999-12-31\""),
                    new Value("year -999999999", "\"-999999999-01-01\"")));
            default -> {
            }
        }
        if (schema.path("enum").isArray()) {
            values.addAll(List.of(new Value("not a value", "\"NOT_A_VALUE\""), new Value("lower case",
                    "\"" + schema.path("enum").path(0).asText().toLowerCase(Locale.ROOT) + "\"")));
        }
        return values;
    }
}
