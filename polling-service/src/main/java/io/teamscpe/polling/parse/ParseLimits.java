package io.teamscpe.polling.parse;

/** What one export may be: checked before anything is inflated, and again while inflating. */
public record ParseLimits(long maxFileBytes, int maxZipEntries, long maxEntryBytes, double minInflateRatio,
                          int maxCellChars, int maxResponses, int maxOptions) {
    /** The service's defaults (see PollingConfig). */
    public static ParseLimits defaults() {
        return new ParseLimits(25L << 20, 200, 200L << 20, 0.01, 32_767, 250_000, 100);
    }
}
