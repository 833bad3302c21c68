package io.teamscpe.session.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamscpe.platform.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JoinUrlTest {
    static final String LONG = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ4ZDFh%40thread.v2/0"
            + "?context=%7b%22Tid%22%3a%22tenant-1%22%2c%22Oid%22%3a%22organizer-1%22%7d";

    @Test
    void theLongFormCarriesThreadTenantAndOrganizer() {
        JoinUrl url = JoinUrl.parse(LONG);
        assertThat(url.kind()).isEqualTo(JoinUrl.Kind.LONG);
        assertThat(url.threadId()).isEqualTo("19:meeting_NjQ4ZDFh@thread.v2");
        assertThat(url.tenantId()).isEqualTo("tenant-1");
        assertThat(url.organizerId()).isEqualTo("organizer-1");
    }

    @Test
    void trackingParametersDoNotMakeAnotherMeeting() {
        assertThat(JoinUrl.parse(LONG + "&utm=mail").key()).isEqualTo(JoinUrl.parse(LONG).key());
    }

    @ParameterizedTest
    @CsvSource({
        "https://teams.microsoft.com/meet/2345678901234?p=AbCdEf, https://teams.microsoft.com/meet/2345678901234",
        "https://teams.microsoft.com/meet/2345678901234, https://teams.microsoft.com/meet/2345678901234"})
    void theShortFormIsAccepted(String raw, String key) {
        JoinUrl url = JoinUrl.parse(raw);
        assertThat(url.kind()).isEqualTo(JoinUrl.Kind.SHORT);
        assertThat(url.key()).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a url", "http://teams.microsoft.com/meet/2345678901234",
        "https://zoom.us/j/123456789", "https://teams.microsoft.com/l/channel/19%3aabc%40thread.tacv2/General",
        "https://teams.microsoft.com/l/meetup-join/not-a-thread/0", "https://teams.microsoft.com/meet/12"})
    void anythingElseIsRefusedWithAReason(String raw) {
        assertThatThrownBy(() -> JoinUrl.parse(raw)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400));
    }
}
