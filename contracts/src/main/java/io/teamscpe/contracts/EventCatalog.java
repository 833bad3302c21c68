package io.teamscpe.contracts;

import io.teamscpe.contracts.attendance.AttendanceEvent;
import io.teamscpe.contracts.credential.CredentialEvent;
import io.teamscpe.contracts.credit.CreditEvent;
import io.teamscpe.contracts.poll.PollEvent;
import io.teamscpe.contracts.session.SessionEvent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every event type there is, derived from the sealed interfaces: consumers dispatch on the record type, producers
 * get the topic and {@code ce_type} from here, and nothing spells them twice.
 */
public final class EventCatalog {
    /** One sealed interface per topic. */
    public static final List<Class<? extends CpeEvent>> FAMILIES =
            List.of(CredentialEvent.class, SessionEvent.class, AttendanceEvent.class, PollEvent.class,
                    CreditEvent.class);

    private static final Map<String, Class<? extends CpeEvent>> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<?>, String> TOPIC_BY_CLASS = new LinkedHashMap<>();

    static {
        for (Class<? extends CpeEvent> family : FAMILIES) {
            String topic = family.getAnnotation(Topic.class).value();
            for (Class<?> permitted : family.getPermittedSubclasses()) {
                EventType type = permitted.getAnnotation(EventType.class);
                if (type == null) {
                    throw new IllegalStateException(permitted + " lacks @EventType");
                }
                BY_TYPE.put(type.value(), permitted.asSubclass(CpeEvent.class));
                TOPIC_BY_CLASS.put(permitted, topic);
            }
        }
    }

    private EventCatalog() {
    }

    public static String typeOf(CpeEvent event) {
        return event.getClass().getAnnotation(EventType.class).value();
    }

    public static String topicOf(CpeEvent event) {
        String topic = TOPIC_BY_CLASS.get(event.getClass());
        if (topic == null) {
            throw new IllegalArgumentException(event.getClass() + " is not a catalogued event");
        }
        return topic;
    }

    /** The record class for a {@code ce_type}; empty for types this build does not know (a newer producer). */
    public static Optional<Class<? extends CpeEvent>> classOf(String ceType) {
        return Optional.ofNullable(BY_TYPE.get(ceType));
    }

    public static Collection<String> allTypes() {
        return BY_TYPE.keySet();
    }
}
