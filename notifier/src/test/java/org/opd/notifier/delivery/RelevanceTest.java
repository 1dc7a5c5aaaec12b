package org.opd.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opd.schemas.notification.NotificationType;
import org.opd.schemas.token.TokenStatus;

class RelevanceTest {

    @ParameterizedTest(name = "{0} with the token {1}, called {2}: send {3}")
    @CsvSource({
            "TOKEN_CREATED, BOOKED, false, true",
            "TOKEN_CREATED, WAITING, false, true",
            "TOKEN_CREATED, WAITING, true, false",
            "TOKEN_CREATED, IN_CONSULTATION, true, false",
            "TOKEN_CREATED, CANCELLED, false, false",
            "T_MINUS_3, WAITING, false, true",
            "T_MINUS_3, CHECKED_IN, false, true",
            "T_MINUS_3, WAITING, true, false",
            "T_MINUS_3, COMPLETED, true, false",
            "T_MINUS_3, CANCELLED, false, false",
            "DOCTOR_DELAYED, WAITING, false, true",
            "DOCTOR_DELAYED, WAITING, true, false",
            "CALL_NOW, WAITING, true, true",
            "CALL_NOW, IN_CONSULTATION, true, false",
            "CALL_NOW, NO_SHOW, true, false",
            "CANCELLED, CANCELLED, false, true",
            "CANCELLED, BOOKED, false, false",
            "RESCHEDULED, RESCHEDULED, false, true",
            "RESCHEDULED, WAITING, false, false",
            "REASSIGNED, WAITING, false, true",
            "REASSIGNED, BOOKED, false, true",
            "REASSIGNED, WAITING, true, false",
            "REASSIGNED, CANCELLED, false, false",
            "TRANSFERRED, WAITING, false, true",
            "TRANSFERRED, COMPLETED, false, false",
            "PARKED, WAITING, false, true",
            "PARKED, NO_SHOW, false, false",
            "RECALLED, CHECKED_IN, false, true",
            "RECALLED, CANCELLED, false, false"})
    void sendsOnlyWhileTheTokensStateStillMatchesTheMessage(NotificationType type, TokenStatus status, boolean called,
            boolean send) {
        assertThat(Relevance.whyNotSend(type, status, called).isEmpty()).isEqualTo(send);
    }
}
