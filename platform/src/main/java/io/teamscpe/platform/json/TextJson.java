package io.teamscpe.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.teamscpe.platform.security.ControlCharacters;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * No text read from JSON holds a control character (NUL, ...): PostgreSQL cannot store NUL, and no name, title or
 * reason needs one. The request is refused with 400 naming the field ({@link ControlCharacterException}).
 */
@Singleton
public class TextJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("teamscpe-text").addDeserializer(String.class, new CleanStrings()));
    }

    /** A string with a control character, where the JSON holds it. */
    public static final class ControlCharacterException extends MismatchedInputException {
        ControlCharacterException(JsonParser parser, int index) {
            super(parser, "control character at index " + index, String.class);
        }
    }

    static final class CleanStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            int at = ControlCharacters.firstIn(value);
            if (at >= 0) {
                throw new ControlCharacterException(p, at);
            }
            return value;
        }
    }
}
