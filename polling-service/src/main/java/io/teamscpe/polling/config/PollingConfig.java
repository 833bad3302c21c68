package io.teamscpe.polling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of poll uploads and of the checks made on them. */
@ConfigMapping(prefix = "teamscpe.polls")
public interface PollingConfig {
    /** Files one upload may carry. */
    @WithDefault("50")
    int maxFilesPerUpload();

    /**
     * Largest body of a request that is not a multipart upload (the JSON of PATCH and mappings), in bytes; only
     * multipart uploads get {@code quarkus.http.limits.max-body-size}.
     */
    @WithDefault("65536")
    int maxJsonBodyBytes();

    /** Largest accepted XLSX file, in bytes (a 100,000-response export is about 5 MB). */
    @WithDefault("26214400")
    long maxFileBytes();

    /** Responses (rows) one export may hold. */
    @WithDefault("250000")
    int maxResponses();

    /** Zip parts an XLSX may hold (a Forms export has about 10). */
    @WithDefault("200")
    int maxZipEntries();

    /** Largest inflated size of one part, in bytes. */
    @WithDefault("209715200")
    long maxEntryBytes();

    /** Smallest compressed/inflated ratio of a part before it counts as a zip bomb (POI's default: 0.01). */
    @WithDefault("0.01")
    double minInflateRatio();

    /** Characters one cell may hold (Excel's own limit). */
    @WithDefault("32767")
    int maxCellChars();

    /** Distinct options kept per poll; more means a free-text question. */
    @WithDefault("100")
    int maxOptions();

    /** Responses per event chunk (also capped by size: a chunk stays under {@link #maxChunkBytes()}). */
    @WithDefault("1000")
    int chunkResponses();

    /** Estimated JSON bytes per event chunk; Kafka's record limit is 1 MB. */
    @WithDefault("262144")
    int maxChunkBytes();

    /** How early before the meeting a response still counts as inside it. */
    @WithDefault("15m")
    Duration earlyGrace();

    /** How late after the meeting a response still counts as inside it. */
    @WithDefault("30m")
    Duration lateGrace();
}
