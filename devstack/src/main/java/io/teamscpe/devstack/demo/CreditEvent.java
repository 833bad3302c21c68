package io.teamscpe.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.devstack.kafka.KafkaProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * An event on cpe.credits.v1 as a downstream CPE system reads it: its CloudEvents type and its data.
 *
 * @param type e.g. {@code io.teamscpe.credit.awarded.v2}
 */
public record CreditEvent(String type, JsonNode data) {
    public static final String AWARDED = "io.teamscpe.credit.awarded.v2";
    public static final String REVISED = "io.teamscpe.credit.revised.v2";
    public static final String REVOKED = "io.teamscpe.credit.revoked.v2";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static CreditEvent of(ConsumerRecord<String, String> record) {
        try {
            return new CreditEvent(KafkaProbe.header(record, "ce_type"), JSON.readTree(record.value()));
        } catch (IOException e) {
            throw new UncheckedIOException("not a credit event: " + record.value(), e);
        }
    }

    public String professionalId() {
        return data.path("professionalId").asText();
    }

    /** The session's credit type the credit is of (CPE for a session with a single ruleset). */
    public String creditType() {
        return data.path("creditType").asText();
    }

    /** The processing run that published it (awards and revisions carry it in their award). */
    public int processingRun() {
        return type.equals(REVOKED) ? data.path("processingRun").asInt() : award().path("processingRun").asInt();
    }

    /** The award of an awarded or revised event (missing for a revocation). */
    public JsonNode award() {
        return data.path("award");
    }

    /** The type without its namespace and version: {@code awarded}, {@code revised}, {@code revoked}. */
    public String kind() {
        return type.substring("io.teamscpe.credit.".length(), type.length() - ".v1".length());
    }
}
