package io.teamscpe.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.contracts.CpeEvent;
import io.teamscpe.contracts.EventCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** JSON <-> event records, with the CloudEvents binary-mode headers as the type discriminator. */
@ApplicationScoped
public class EventCodec {
    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_TIME = "ce_time";
    public static final String CE_SPECVERSION = "ce_specversion";

    private final ObjectMapper mapper;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String toJson(CpeEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + EventCatalog.typeOf(event) + " cannot be serialized", e);
        }
    }

    /**
     * Decodes a record; empty when its {@code ce_type} is unknown to this build (a newer producer), which
     * consumers skip. A known type with a body that does not parse is a poison message: it throws.
     */
    public Optional<CpeEvent> decode(ConsumerRecord<String, String> record) {
        String type = header(record, CE_TYPE)
                .orElseThrow(() -> new PoisonEventException("record without ce_type header"));
        Optional<Class<? extends CpeEvent>> type2 = EventCatalog.classOf(type);
        if (type2.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(record.value(), type2.get()));
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("record of type " + type + " does not match its schema: "
                    + e.getOriginalMessage());
        }
    }

    public static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
