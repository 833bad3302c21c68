package io.teamscpe.polling.microsoft.forms;

import io.teamscpe.polling.PollExportFormat;
import io.teamscpe.polling.parse.ParseLimits;
import io.teamscpe.polling.parse.ParsedPoll;
import io.teamscpe.polling.parse.PollFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamException;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Reads a Microsoft Forms export of one Teams poll. Streams the first sheet with {@link XmlScanner} over the
 * shared-strings table (never a DOM workbook), inside POI's {@link ZipSecureFile}. Every unusable file ends in a
 * {@link PollFileException} naming what was expected and what was found.
 */
public final class FormsExportParser implements PollExportFormat {
    private static final String BOMB = "Zip bomb detected";

    private final ParseLimits limits;

    public FormsExportParser(ParseLimits limits) {
        this.limits = limits;
        // POI's guards are JVM-wide; this service is their only user
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
        ZipSecureFile.setMaxFileCount(limits.maxZipEntries());
    }

    @Override
    public ParsedPoll parse(Path file) {
        try {
            XlsxGuard.classify(file, Files.size(file), limits);
            try (ZipSecureFile zip = XlsxGuard.open(file, limits)) {
                WorkbookParts parts = WorkbookParts.read(zip);
                String[] sst = WorkbookParts.sharedStrings(zip, parts.sharedStringsPart, limits.maxCellChars());
                try (XmlScanner sheet = WorkbookParts.scanner(zip, parts.sheetPart)) {
                    return new SheetReader(sst, parts.date1904, limits).read(sheet);
                }
            }
        } catch (IOException e) {
            throw fromIo(e);
        } catch (XMLStreamException e) {
            throw fromXml(e);
        } catch (NumberFormatException e) {
            throw XlsxGuard.corrupt("a malformed cell or row reference");
        }
    }

    private static PollFileException fromIo(IOException e) {
        Throwable t = e;
        while (t != null) {
            if (t.getMessage() != null && t.getMessage().startsWith(BOMB)) {
                return FormsProblems.zipBomb("a part that inflates beyond the safe ratio or size");
            }
            t = t.getCause();
        }
        return XlsxGuard.corrupt("a damaged zip archive");
    }

    private static PollFileException fromXml(XMLStreamException e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof IOException && t.getMessage() != null && t.getMessage().startsWith(BOMB)) {
                return FormsProblems.zipBomb("a part that inflates beyond the safe ratio or size");
            }
            t = t.getCause();
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE") || message.contains("entity")) {
            WorkbookParts.refuseDtd(javax.xml.stream.XMLStreamConstants.DTD, "a workbook part");
        }
        return XlsxGuard.corrupt("malformed XML inside the workbook");
    }
}
