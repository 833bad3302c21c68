package io.teamscpe.polling.microsoft.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamscpe.polling.parse.PollFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class XmlScannerTest {

    @Test
    void readsWhatSpreadsheetWritersEmit() throws IOException {
        String xml = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<!-- a comment -->"
                + "<x:sst xmlns:x=\"urn:x\" count='3'><x:si><x:t>Caf&#233; &amp; &lt;Bar&gt;</x:t></x:si>"
                + "<x:si><x:r><x:t xml:space=\"preserve\">Option </x:t></x:r><x:r><x:t>A</x:t></x:r>"
                + "<x:rPh sb=\"0\" eb=\"1\"><x:t>ignored</x:t></x:rPh></x:si>"
                + "<x:si><x:t><![CDATA[<raw> & ;]]></x:t></x:si><x:si><x:t/></x:si><x:si><x:t>日本 &#x1F600;</x:t></x:si>"
                + "</x:sst>";
        List<String> strings = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int phonetic = 0;
        try (XmlScanner x = new XmlScanner(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "t")) {
            for (int e = x.next(); e != XmlScanner.EOF; e = x.next()) {
                if (e == XmlScanner.START && x.is("sst")) {
                    counts.add(x.attr("count"));
                } else if (e == XmlScanner.START && x.is("si")) {
                    current.setLength(0);
                } else if (e == XmlScanner.START && x.is("rPh")) {
                    phonetic++;
                } else if (e == XmlScanner.START && x.is("t")) {
                    String t = x.text(1000);
                    if (phonetic == 0) {
                        current.append(t);
                    }
                } else if (e == XmlScanner.END && x.is("rPh")) {
                    phonetic--;
                } else if (e == XmlScanner.END && x.is("si")) {
                    strings.add(current.toString());
                }
            }
        }
        assertThat(counts).containsExactly("3");
        assertThat(strings).containsExactly("Café & <Bar>", "Option A", "<raw> & ;", "", "日本 \uD83D\uDE00");
    }

    @Test
    void refusesDoctypesAndUndeclaredEntities() {
        assertThatThrownBy(() -> scan("<!DOCTYPE a [<!ENTITY b \"c\">]><a>&b;</a>"))
                .isInstanceOf(PollFileException.class)
                .extracting(e -> ((PollFileException) e).kind()).isEqualTo("poll-file-xml-entity");
        assertThatThrownBy(() -> scan("<a><t>&b;</t></a>"))
                .isInstanceOf(PollFileException.class)
                .extracting(e -> ((PollFileException) e).kind()).isEqualTo("poll-file-xml-entity");
        assertThatThrownBy(() -> scan("<a><t>unterminated"))
                .isInstanceOf(PollFileException.class)
                .extracting(e -> ((PollFileException) e).kind()).isEqualTo("poll-file-corrupt");
    }

    private static void scan(String xml) throws IOException {
        try (XmlScanner x = new XmlScanner(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "t")) {
            for (int e = x.next(); e != XmlScanner.EOF; e = x.next()) {
                if (e == XmlScanner.START && x.is("t")) {
                    x.text(100);
                }
            }
        }
    }
}
