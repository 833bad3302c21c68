package io.teamscpe.polling.microsoft.forms;

import io.teamscpe.polling.BadFiles;
import io.teamscpe.polling.FormsExports;
import io.teamscpe.polling.parse.ParseLimits;
import io.teamscpe.polling.parse.ParsedPoll;
import io.teamscpe.polling.parse.PollFileException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Parser benchmark (not a test: tests are never timed). Generates Forms exports, then in one JVM measures warm
 * median times of XSSFWorkbook, POI's stock SAX handler and {@link FormsExportParser} on the same 10,000-response
 * file, how fast a zip bomb is refused, and parses a 100,000-response file in a child JVM with -Xmx64m.
 * <pre>
 * ./mvnw -B -o -pl polling-service test-compile exec:exec@benchmark
 * </pre>
 */
public final class PollParserBenchmark {
    private static final LocalDateTime START = LocalDateTime.of(2026, 10, 5, 12, 5);
    private static final String[] TEN_COLUMNS = {"ID", "Start time", "Completion time", "Email", "Name",
        "Last modified time", FormsExports.QUESTION, "Total points", "Quiz feedback", "Points - Question"};

    private PollParserBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        FormsExportParser parser = new FormsExportParser(ParseLimits.defaults());
        if (args.length > 1 && "parse".equals(args[0])) {
            Path big = Path.of(args[1]);
            long t0 = System.nanoTime();
            ParsedPoll poll = parser.parse(big);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            print("100,000 responses (%d KB file) parsed cold in %d ms with -Xmx%dm: %d responses, %d options",
                    Files.size(big) / 1024, ms, Runtime.getRuntime().maxMemory() / 1048576, poll.responses().size(),
                    poll.options().size());
            return;
        }
        Path dir = Files.createTempDirectory("poll-bench");
        try {
            compare(parser, dir);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static void compare(FormsExportParser parser, Path dir) throws Exception {
        Path file = generate(dir.resolve("10k.xlsx"), 10_000);
        print("file: 10,000 responses x 10 columns, %d KB", Files.size(file) / 1024);
        double xssf = median(() -> xssfWorkbook(file), 5, 10);
        double sax = median(() -> stockSax(file), 10, 20);
        double ours = median(() -> parser.parse(file).responses().size(), 30, 50);
        print("XSSFWorkbook        %7.1f ms", xssf);
        print("POI stock SAX       %7.1f ms", sax);
        print("FormsExportParser   %7.1f ms   (%.1fx faster than XSSFWorkbook, %.1fx faster than stock SAX)",
                ours, xssf / ours, sax / ours);
        byte[] good = Files.readAllBytes(file);
        Path bomb = dir.resolve("bomb.xlsx");
        Files.write(bomb, BadFiles.zipBomb(good, 512));
        double refuse = median(() -> {
            try {
                parser.parse(bomb);
                throw new IllegalStateException("the zip bomb was accepted");
            } catch (PollFileException e) {
                return e.kind().length();
            }
        }, 3, 10);
        print("zip bomb (%d KB inflating to 512 MB) refused in %.1f ms", Files.size(bomb) / 1024, refuse);
        Path big = generate(dir.resolve("100k.xlsx"), 100_000);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), PollParserBenchmark.class.getName(),
                "parse", big.toString()).inheritIO().start();
        if (child.waitFor() != 0) {
            print("the 100,000-response file could NOT be parsed with -Xmx64m");
        }
    }

    private static Path generate(Path target, int responses) throws Exception {
        FormsExports export = FormsExports.poll("Which revenue standard applies to this contract?")
                .columns(TEN_COLUMNS);
        String[] options = {"ASC 606", "IFRS 15", "ASC 842", "Neither"};
        for (int i = 0; i < responses; i++) {
            export.response("professional" + i + "@firm" + (i % 17) + ".example.com", "Professional Number " + i,
                    options[i % options.length], START.plusSeconds(i % 3600));
        }
        try (OutputStream out = Files.newOutputStream(target)) {
            export.write(out);
        }
        return target;
    }

    private static int xssfWorkbook(Path file) {
        DataFormatter format = new DataFormatter();
        int cells = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ))) {
            for (Row row : wb.getSheetAt(0)) {
                for (Cell cell : row) {
                    cells += format.formatCellValue(cell).length() > 0 ? 1 : 0;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return cells;
    }

    private static int stockSax(Path file) {
        int[] cells = {0};
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable sst = new ReadOnlySharedStringsTable(pkg);
            XMLReader xml = SAXParserFactory.newDefaultNSInstance().newSAXParser().getXMLReader();
            xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), sst,
                    new XSSFSheetXMLHandler.SheetContentsHandler() {
                        @Override
                        public void startRow(int rowNum) {
                        }

                        @Override
                        public void endRow(int rowNum) {
                        }

                        @Override
                        public void cell(String ref, String value, XSSFComment comment) {
                            cells[0]++;
                        }
                    }, false));
            try (InputStream sheet = reader.getSheetsData().next()) {
                xml.parse(new InputSource(sheet));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return cells[0];
    }

    private interface Run {
        int run() throws Exception;
    }

    private static double median(Run run, int warmup, int measured) throws Exception {
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += run.run();
        }
        double[] ms = new double[measured];
        for (int i = 0; i < measured; i++) {
            long t0 = System.nanoTime();
            sink += run.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        if (sink == 42) {
            print("");
        }
        Arrays.sort(ms);
        return ms[measured / 2];
    }

    @SuppressWarnings("java:S106")
    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
