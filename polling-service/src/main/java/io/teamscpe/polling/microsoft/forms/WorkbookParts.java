package io.teamscpe.polling.microsoft.forms;

import io.teamscpe.polling.parse.PollFileException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The parts of the package the parser needs: where the first sheet and the shared strings are, the date system,
 * and the shared-strings table itself. Every XML part is read by a StAX reader that refuses DTDs (no entity,
 * internal or external, is ever expanded: OOXML parts never declare one).
 */
final class WorkbookParts {
    static final XMLInputFactory XML = secureFactory();

    final String sheetPart;
    final String sharedStringsPart;
    final boolean date1904;

    private WorkbookParts(String sheetPart, String sharedStringsPart, boolean date1904) {
        this.sheetPart = sheetPart;
        this.sharedStringsPart = sharedStringsPart;
        this.date1904 = date1904;
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    static XMLStreamReader reader(ZipSecureFile zip, String part) throws IOException, XMLStreamException {
        ZipArchiveEntry entry = zip.getEntry(part);
        if (entry == null) {
            throw XlsxGuard.corrupt("a workbook without its part " + part);
        }
        InputStream in = new BufferedInputStream(zip.getInputStream(entry), 64 * 1024);
        return XML.createXMLStreamReader(in, "UTF-8");
    }

    /** Refuses a DTD: the only way an XML external entity (or a billion laughs) gets in. */
    static void refuseDtd(int event, String part) {
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new PollFileException("poll-file-xml-entity", "Workbook declares XML entities",
                    "workbook parts without a DOCTYPE (Excel never writes one)",
                    "a DOCTYPE or entity reference in " + part,
                    "The file was altered to contain XML entity declarations and was not read. "
                            + FormsProblems.EXPORT_ADVICE);
        }
    }

    static WorkbookParts read(ZipSecureFile zip) throws IOException, XMLStreamException {
        String firstSheetRel = null;
        boolean date1904 = false;
        XMLStreamReader r = reader(zip, "xl/workbook.xml");
        try {
            while (r.hasNext()) {
                int event = r.next();
                refuseDtd(event, "xl/workbook.xml");
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if ("workbookPr".equals(name)) {
                        String v = r.getAttributeValue(null, "date1904");
                        date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
                    } else if ("sheet".equals(name) && firstSheetRel == null) {
                        firstSheetRel = relId(r);
                    }
                }
            }
        } finally {
            r.close();
        }
        if (firstSheetRel == null) {
            throw XlsxGuard.corrupt("a workbook without any sheet");
        }
        Map<String, String> targets = new HashMap<>();
        String sst = null;
        r = reader(zip, "xl/_rels/workbook.xml.rels");
        try {
            while (r.hasNext()) {
                int event = r.next();
                refuseDtd(event, "xl/_rels/workbook.xml.rels");
                if (event == XMLStreamConstants.START_ELEMENT && "Relationship".equals(r.getLocalName())) {
                    String target = resolve(r.getAttributeValue(null, "Target"));
                    targets.put(r.getAttributeValue(null, "Id"), target);
                    String type = r.getAttributeValue(null, "Type");
                    if (type != null && type.endsWith("/sharedStrings")) {
                        sst = target;
                    }
                }
            }
        } finally {
            r.close();
        }
        String sheet = targets.get(firstSheetRel);
        if (sheet == null) {
            throw XlsxGuard.corrupt("a workbook whose first sheet has no part");
        }
        return new WorkbookParts(sheet, sst, date1904);
    }

    private static String relId(XMLStreamReader r) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if ("id".equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    private static String resolve(String target) {
        if (target == null) {
            return null;
        }
        return target.startsWith("/") ? target.substring(1) : "xl/" + target;
    }

    /** The shared-strings table; rich-text runs are concatenated, phonetic runs dropped. */
    static String[] sharedStrings(ZipSecureFile zip, String part, int maxCellChars) throws IOException {
        if (part == null || zip.getEntry(part) == null) {
            return new String[0];
        }
        List<String> strings = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        try (InputStream in = zip.getInputStream(zip.getEntry(part))) {
            XmlScanner x = new XmlScanner(in, part);
            int phonetic = 0;
            for (int event = x.next(); event != XmlScanner.EOF; event = x.next()) {
                if (event == XmlScanner.START) {
                    if (x.is("si")) {
                        current.setLength(0);
                    } else if (x.is("rPh")) {
                        phonetic++;
                    } else if (x.is("t")) {
                        String t = x.text(maxCellChars);
                        if (phonetic == 0) {
                            current.append(t);
                        }
                        if (current.length() > maxCellChars) {
                            throw SheetReader.cellTooLong(maxCellChars);
                        }
                    }
                } else if (x.is("si")) {
                    strings.add(current.toString());
                } else if (x.is("rPh")) {
                    phonetic--;
                }
            }
        }
        return strings.toArray(new String[0]);
    }

    /** A scanner over a bulk part (sheet, shared strings). */
    static XmlScanner scanner(ZipSecureFile zip, String part) throws IOException {
        ZipArchiveEntry entry = zip.getEntry(part);
        if (entry == null) {
            throw XlsxGuard.corrupt("a workbook without its part " + part);
        }
        return new XmlScanner(zip.getInputStream(entry), part);
    }
}
