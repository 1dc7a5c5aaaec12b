package org.opd.notifier.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TokenIssuedTemplateTest {

    private static final UUID TOKEN_ID = UUID.fromString("5b0c3c9e-6f7a-4d0e-9a51-2f1e4c8b7d10");

    private final TokenIssuedTemplate template = new TokenIssuedTemplate(URI.create("https://opd.example.org/"));

    @Test
    void tellsTheTokenDoctorDepartmentCabinLocalTimeAndStatusLink() {
        // Given a token for 05:00 UTC at a hospital in India (UTC+05:30)
        IssuedToken token = token(Instant.parse("2026-03-12T05:00:00Z"), ZoneId.of("Asia/Kolkata"));

        // When the message is written
        String message = template.render(token);

        // Then the patient reads every fact they need, the time as the hospital's clocks show it
        assertThat(message).isEqualTo("Your OPD token is CARD-045 with Dr. Asha Rao, Cardiology, cabin C-12,"
                + " at 10:30 on 12 Mar. Live status: https://opd.example.org/tokens/" + TOKEN_ID);
    }

    @Test
    void showsTheDateOfTheHospitalsDayNotUtcs() {
        // Given a token at 23:30 UTC, already the next morning in India
        String message = template.render(token(Instant.parse("2026-03-11T23:30:00Z"), ZoneId.of("Asia/Kolkata")));

        // Then the patient is told the local day and time
        assertThat(message).contains("at 05:00 on 12 Mar");
    }

    @Test
    void neverQuotesThePatientsPhoneNumber() {
        String message = template.render(token(Instant.parse("2026-03-12T05:00:00Z"), ZoneId.of("Asia/Kolkata")));

        assertThat(message).doesNotContain("9800000001");
    }

    private static IssuedToken token(Instant scheduled, ZoneId zone) {
        return new IssuedToken(TOKEN_ID, "CARD-045", UUID.randomUUID(), "+919800000001", true,
                "Dr. Asha Rao", "Cardiology", "C-12", scheduled, zone);
    }
}
