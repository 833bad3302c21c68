package io.teamscpe.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionalGetTest {
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
