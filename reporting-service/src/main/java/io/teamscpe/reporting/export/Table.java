package io.teamscpe.reporting.export;

import java.time.ZoneId;
import java.util.List;

/**
 * A report as a sheet, the one row model its CSV and XLSX downloads share: a header and rows of typed cells
 * (String, a Number, Instant or null), and what the report reflects.
 *
 * @param about    labelled facts about the report (session, snapshot, polls, notes), values typed like cells
 * @param footnote the line the CSV closes with, or null
 * @param zone     where the session takes place: the time zone of every time shown
 */
public record Table(String title, List<String> header, List<List<Object>> rows, List<Fact> about, String footnote,
                    ZoneId zone) {
    public record Fact(String label, Object value) {
    }
}
