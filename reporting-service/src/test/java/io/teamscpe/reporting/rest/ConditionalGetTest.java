package io.teamscpe.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.EntityTag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionalGetTest {
    private static final EntityTag TAG = new EntityTag("completion-7", true);

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "W/\"completion-7\"                     | true",
        "\"completion-7\"                       | true",
        "W/\"completion-6\", W/\"completion-7\" | true",
        "*                                      | true",
        "W/\"completion-6\"                     | false",
        "null                                   | false"})
    void ifNoneMatchComparesWeakly(String header, boolean matches) {
        assertThat(ConditionalGet.matches(header, TAG)).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "gzip                   | true",
        "gzip, deflate, br      | true",
        "br;q=1.0, GZIP;q=0.5   | true",
        "*                      | true",
        "gzip;q=0               | false",
        "gzip;q=nonsense        | false",
        "deflate, br            | false",
        "identity               | false",
        "null                   | false"})
    void acceptEncodingMayAskForGzip(String header, boolean gzip) {
        assertThat(ConditionalGet.acceptsGzip(header)).isEqualTo(gzip);
    }
}
