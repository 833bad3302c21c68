package io.teamscpe.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CopyInTest {

    @Test
    void valuesThatWouldBreakARowAreEscaped() {
        CopyIn copy = new CopyIn("t", "a, b, c");
        copy.row("tab\there", "line\nbreak\r", "back\\slash");
        assertThat(copy.data()).isEqualTo("tab\\there\tline\\nbreak\\r\tback\\\\slash\n");
    }

    @Test
    void nullBooleansUuidsInstantsAndTextArrays() {
        UUID id = UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        CopyIn copy = new CopyIn("t", "a, b, c, d, e");
        copy.row(null, true, id, Instant.parse("2026-10-20T15:00:00Z"), List.of("guest", "say \"hi\"", "a\\b"));
        assertThat(copy.data()).isEqualTo("\\N\tt\t1b4e28ba-2fa1-11d2-883f-0016d3cca427\t2026-10-20T15:00:00Z\t"
                + "{\"guest\",\"say \\\\\"hi\\\\\"\",\"a\\\\\\\\b\"}\n");
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsRefused() {
        assertThatThrownBy(() -> new CopyIn("t", "a, b").row("only one"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 2 values");
    }
}
