package io.teamscpe.reporting.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** JSON columns of the read models and JSON served as is, with the application's configured mapper. */
@ApplicationScoped
public class Json {
    private final ObjectMapper mapper;

    public Json(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] bytes(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public <T> T read(Object column, Class<T> type) {
        try {
            return mapper.readValue(column.toString(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored read model does not parse", e);
        }
    }

    public <T> T read(Object column, TypeReference<T> type) {
        try {
            return mapper.readValue(column.toString(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored read model does not parse", e);
        }
    }
}
