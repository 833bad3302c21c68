package io.teamscpe.attendance.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service's unified GC log ({@code -Xlog:gc}, wall-clock decorations): heap left after each collection. */
final class GcLog {
    /** e.g. {@code [2026-11-26T19:55:01.123+0000] GC(12) Pause Young (Normal) (G1 ...) 120M->40M(256M) 3.4ms} */
    private static final Pattern LINE = Pattern.compile("^\\[([^\\]]+)\\].*?\\d+M->(\\d+)M\\(\\d+M\\)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final Path file;

    GcLog(Path file) {
        this.file = file;
    }

    String javaOption() {
        return "-Xlog:gc:file=" + file + ":time";
    }

    /** The largest heap left after a collection between {@code from} and {@code to}, in MB; -1 if none ran. */
    long maxAfterGcMb(Instant from, Instant to) {
        try {
            long max = -1;
            for (String line : Files.readAllLines(file)) {
                Matcher m = LINE.matcher(line);
                if (m.find()) {
                    Instant at = OffsetDateTime.parse(m.group(1), TIME).toInstant();
                    if (!at.isBefore(from) && !at.isAfter(to)) {
                        max = Math.max(max, Long.parseLong(m.group(2)));
                    }
                }
            }
            return max;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
