package io.teamscpe.emulator.faults;

import java.util.Locale;

/** What an injected fault looks like to the client. */
public enum FaultKind {
    /** 429 Too Many Requests with {@code Retry-After} (mostly delta-seconds, sometimes an HTTP-date). */
    HTTP_429("429"),
    /** 503 Service Unavailable with {@code Retry-After} in seconds. */
    HTTP_503("503"),
    /** 504 Gateway Timeout, without {@code Retry-After}. */
    HTTP_504("504"),
    /** The request is held, then the connection is closed without any response. */
    TIMEOUT("TIMEOUT");

    private final String label;

    FaultKind(String label) {
        this.label = label;
    }

    /** {@code 429}, {@code 503}, {@code 504} or {@code TIMEOUT}, as the control API writes it. */
    public String label() {
        return label;
    }

    /** Accepts the label ({@code "429"}, {@code "timeout"}) or the constant's name ({@code "HTTP_429"}). */
    public static FaultKind parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (FaultKind kind : values()) {
            if (kind.label.equals(wanted) || kind.name().equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown fault kind '" + text + "': use 429, 503, 504 or TIMEOUT");
    }
}
