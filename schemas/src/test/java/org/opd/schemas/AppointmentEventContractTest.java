package org.opd.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.schemas.appointment.AppointmentEvent;
import org.opd.schemas.appointment.AppointmentEventType;
import org.opd.schemas.appointment.ReminderKind;
import org.opd.schemas.kafka.Topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class AppointmentEventContractTest {

    @Test
    void roundTripsThroughTheTopicSerde() {
        AppointmentEvent event = new AppointmentEvent(AppointmentEvent.SCHEMA_VERSION, UUID.randomUUID(),
                AppointmentEventType.REMINDER_DUE, Instant.parse("2026-11-22T04:30:00Z"), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-11-23T04:30:00Z"),
                Instant.parse("2026-11-23T04:45:00Z"), null, null, false, false, null, ReminderKind.DAY_BEFORE);

        byte[] bytes = Topics.APPOINTMENT_EVENTS.valueSerde().serializer().serialize("t", event);
        AppointmentEvent read = Topics.APPOINTMENT_EVENTS.valueSerde().deserializer().deserialize("t", bytes);

        assertThat(read).isEqualTo(event);
    }

    @Test
    void writesTheFieldsOfTheContractByName() throws IOException {
        AppointmentEvent event = new AppointmentEvent(AppointmentEvent.SCHEMA_VERSION, UUID.randomUUID(),
                AppointmentEventType.APPOINTMENT_RESCHEDULED, Instant.parse("2026-11-22T04:30:00Z"), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-11-23T05:00:00Z"),
                Instant.parse("2026-11-23T05:15:00Z"), Instant.parse("2026-11-23T04:30:00Z"), null, false, false, null, null);

        JsonNode json = new ObjectMapper().readTree(Topics.APPOINTMENT_EVENTS.valueSerde().serializer().serialize("t", event));

        assertThat(json.path("type").asText()).isEqualTo("APPOINTMENT_RESCHEDULED");
        assertThat(json.path("startsAt").asText()).isEqualTo("2026-11-23T05:00:00Z");
        assertThat(json.path("previousStartsAt").asText()).isEqualTo("2026-11-23T04:30:00Z");
        assertThat(json.path("doctorId").asText()).isEqualTo(event.doctorId().toString());
    }

    @Test
    void stillReadsEveryPublishedVersionOfTheAppointmentEvent() throws IOException {
        // One stored sample per published schema version; a new version adds a file, never edits one.
        try (InputStream v1 = getClass().getResourceAsStream("/events/appointment-event.v1.json")) {
            AppointmentEvent read = Topics.APPOINTMENT_EVENTS.valueSerde().deserializer().deserialize("t", v1.readAllBytes());

            assertThat(read.schemaVersion()).isEqualTo(1);
            assertThat(read.type()).isEqualTo(AppointmentEventType.WAITLIST_OFFERED);
            assertThat(read.doctorId()).isEqualTo(UUID.fromString("3d9f9e5a-4e58-4fa0-8f2d-8c4bab8cbc03"));
            assertThat(read.holdExpiresAt()).isEqualTo(Instant.parse("2026-11-22T09:15:00Z"));
            assertThat(read.paymentRequired()).isTrue();
            assertThat(read.waitlistEntryId()).isEqualTo(UUID.fromString("7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9"));
            assertThat(read.reminderKind()).isNull();
        }
    }

    @Test
    void carriesNoPatientNameOrPhone() {
        assertThat(AppointmentEvent.class.getRecordComponents())
                .extracting(c -> c.getName().toLowerCase())
                .noneMatch(name -> name.contains("name") || name.contains("phone") || name.contains("reason"));
    }
}
