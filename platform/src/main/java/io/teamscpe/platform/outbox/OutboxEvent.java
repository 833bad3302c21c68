package io.teamscpe.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event waiting to be (or already) published; written in the transaction of the change it describes. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {
    @Id
    public UUID id;
    /** Publication order within the service. */
    @Column(insertable = false, updatable = false)
    public Long position;
    public String topic;
    @Column(name = "record_key")
    public String key;
    @Column(name = "ce_type")
    public String type;
    @Column(name = "ce_source")
    public String source;
    @Column(name = "ce_time")
    public Instant time;
    @Column(name = "firm_id")
    public String firmId;
    public String payload;
    /** W3C trace context of the publishing transaction, sent as the record's traceparent header. */
    public String traceparent;
    @Column(name = "sent_at")
    public Instant sentAt;
}
