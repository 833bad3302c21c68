package io.teamscpe.reporting.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamscpe.platform.audit.AuditZip;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source's part is kept only if it is a whole zip: one that failed while streaming it is refused. */
class AuditBundlePartsTest {
    @TempDir
    Path dir;

    @Test
    void aWholeZipIsKeptEvenWithoutEntries() throws IOException {
        assertThat(AuditBundle.isCompleteZip(write("part.zip", zip(true)))).isTrue();
        assertThat(AuditBundle.isCompleteZip(write("empty.zip", zip(false)))).isTrue();
    }

    @Test
    void aZipCutShortOrNothingAtAllIsRefused() throws IOException {
        byte[] whole = zip(true);
        assertThat(AuditBundle.isCompleteZip(write("cut.zip", Arrays.copyOf(whole, whole.length - 30)))).isFalse();
        assertThat(AuditBundle.isCompleteZip(write("nothing.zip", new byte[0]))).isFalse();
    }

    private static byte[] zip(boolean withEntry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AuditZip zip = new AuditZip(out)) {
            if (withEntry) {
                zip.add("snapshot-1/snapshot.json", "{\"snapshotId\":\"1\"}");
            }
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }
}
