package io.teamscpe.attendance.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.contracts.attendance.Interval;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A participant's intervals as the staging and attendance tables keep them: a JSON array. */
@ApplicationScoped
public class IntervalsJson {
    private static final TypeReference<List<Interval>> INTERVALS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public IntervalsJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(List<Interval> intervals) {
        try {
            return json.writeValueAsString(intervals);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Interval> read(String text) {
        try {
            return json.readValue(text, INTERVALS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored intervals are not JSON", e);
        }
    }
}
