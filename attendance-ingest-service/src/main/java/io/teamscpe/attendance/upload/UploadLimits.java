package io.teamscpe.attendance.upload;

/** How much of an upload the parser reads before refusing it; a real list of a large meeting is a few MB. */
public record UploadLimits(long maxBytes, int maxRows) {
    public static final UploadLimits DEFAULTS = new UploadLimits(20L << 20, 200_000);

    public UploadLimits {
        if (maxBytes <= 0 || maxRows <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxBytes + " bytes, " + maxRows + " rows");
        }
    }
}
