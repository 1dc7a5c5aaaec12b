package org.opd.orchestrator.abdm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opd.testsupport.LocalAbdmGatewayServer;
import org.opd.testsupport.LocalAbdmGatewayServer.OnShareAttempt;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/** The gateway client against a stand-in gateway whose sessions last 20 minutes, on a clock the test moves. */
class AbdmGatewayClientTest {

    private static final Duration SESSION = Duration.ofMinutes(20);

    private final LocalAbdmGatewayServer gateway = new LocalAbdmGatewayServer("facility", "secret", "sbx", SESSION);
    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-04T08:00:00Z"));
    private final AbdmGatewayClient client = new AbdmGatewayClient(new AbdmProperties("", "", "", "", Duration.ofMinutes(30),
            new AbdmProperties.Callbacks(gateway.baseUrl(), "facility", "secret", "sbx", Duration.ofSeconds(2), 4,
                    Duration.ofMillis(100))), RestClient.builder(), clock);

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void reusesTheSessionTokenUntilAMinuteBeforeItExpires() {
        OnShare first = answer();
        OnShare second = answer();
        OnShare third = answer();

        client.onShare(first);
        clock.advance(SESSION.minusMinutes(1).minusSeconds(1));
        client.onShare(second);
        clock.advance(Duration.ofSeconds(1));
        client.onShare(third);

        assertThat(gateway.sessionsIssued()).hasSize(2);
        assertThat(authorizationOf(first)).isEqualTo(authorizationOf(second)).isEqualTo("Bearer " + gateway.sessionsIssued().get(0));
        assertThat(authorizationOf(third)).isEqualTo("Bearer " + gateway.sessionsIssued().get(1));
    }

    @Test
    void aTokenTheGatewayRefusesIsDroppedAndTheNextCallFetchesANewOne() {
        client.onShare(answer());
        gateway.revokeSessions();
        OnShare refused = answer();

        assertThatThrownBy(() -> client.onShare(refused)).isInstanceOf(HttpClientErrorException.Unauthorized.class);
        client.onShare(refused);

        assertThat(gateway.sessionsIssued()).hasSize(2);
        assertThat(gateway.onShareAttemptsFor(refused.resp().requestId())).extracting(OnShareAttempt::status)
                .containsExactly(401, 202);
    }

    @Test
    void sendsTheConsentManagerIdAndAWellFormedAnswer() {
        OnShare answer = answer();

        client.onShare(answer);

        OnShareAttempt received = gateway.onSharesFor(answer.resp().requestId()).get(0);
        assertThat(received.cmId()).isEqualTo("sbx");
        assertThat(received.tokenNumber()).isEqualTo("CARD-007");
        assertThat(received.body().path("timestamp").asText()).isEqualTo("2026-12-04T08:00:00.000Z");
    }

    private OnShare answer() {
        ProfileShare share = new ProfileShare(UUID.randomUUID().toString(), "IN2910000123", "OPD-CARD", "91-1234-5678-9012",
                "meera@sbx", "Meera Iyer", "F", 1980, null, "9800000001");
        return OnShare.success(share, "CARD-007", Duration.ofMinutes(30), clock.instant());
    }

    private String authorizationOf(OnShare answer) {
        return gateway.onSharesFor(answer.resp().requestId()).get(0).authorization();
    }

    /** A clock that stands still until the test moves it. */
    private static final class SteppedClock extends Clock {

        private Instant now;

        SteppedClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("Only UTC is used");
        }
    }
}
