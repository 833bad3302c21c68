package io.teamscpe.polling.config;

import io.teamscpe.polling.PollExportFormat;
import io.teamscpe.polling.microsoft.forms.FormsExportParser;
import io.teamscpe.polling.parse.ParseLimits;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the poll export format of the meeting platform (Microsoft Forms) to its seam, with the configured limits. */
public class PollExportFormats {
    @Produces
    @Singleton
    PollExportFormat formsExport(PollingConfig config) {
        return new FormsExportParser(new ParseLimits(config.maxFileBytes(), config.maxZipEntries(),
                config.maxEntryBytes(), config.minInflateRatio(), config.maxCellChars(), config.maxResponses(),
                config.maxOptions()));
    }
}
