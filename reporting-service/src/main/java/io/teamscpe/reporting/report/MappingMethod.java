package io.teamscpe.reporting.report;

/** Who decided an attendance mapping for its session. */
public enum MappingMethod {
    /** An administrator mapped the participant in this session. */
    MAPPED,
    /** The firm's memory of the participant's identity, applied when the session's attendance or roster came. */
    REMEMBERED
}
