package org.opd.notifier.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opd.schemas.notification.NotificationType;

class MessageTemplatesTest {

    private static final URI LINK = URI.create("https://opd.example.org/tokens/5b0c3c9e-6f7a-4d0e-9a51-2f1e4c8b7d10");

    private final MessageTemplates templates = new MessageTemplates("en");

    @Test
    void tellsTheTokenDoctorDepartmentCabinLocalTimeAndStatusLink() {
        // Given a token for 05:00 UTC at a hospital in India (UTC+05:30)
        MessageFacts facts = facts(Instant.parse("2026-03-12T05:00:00Z"));

        // When the token-created message is written in English
        String message = templates.render(NotificationType.TOKEN_CREATED, facts, "en");

        // Then the patient reads every fact they need, the time as the hospital's clocks show it
        assertThat(message).isEqualTo("Your OPD token is CARD-045 with Dr. Asha Rao, Cardiology, cabin C-12,"
                + " at 10:30 on 12 Mar. Live status: " + LINK);
    }

    @Test
    void tellsAReassignedPatientTheNewDoctorCabinAndWaitInEnglishAndHindi() {
        MessageFacts facts = facts(Instant.parse("2026-03-12T05:00:00Z"));

        assertThat(templates.render(NotificationType.REASSIGNED, facts, "en"))
                .contains("you are now with Dr. Asha Rao in cabin C-12, about 25 min to go");
        assertThat(templates.render(NotificationType.REASSIGNED, facts, "hi"))
                .contains("केबिन C-12 में Dr. Asha Rao के पास", "लगभग 25 मिनट");
    }

    @Test
    void tellsATransferredPatientWhereTheyAreSentAndAboutHowLongInEnglishAndHindi() {
        MessageFacts facts = facts(Instant.parse("2026-03-12T05:00:00Z"));

        assertThat(templates.render(NotificationType.TRANSFERRED, facts, "en"))
                .isEqualTo("Token CARD-045: you are sent to Dr. Asha Rao, Cardiology, cabin C-12, about 25 min to go."
                        + " Live status: " + LINK);
        assertThat(templates.render(NotificationType.TRANSFERRED, facts, "hi"))
                .contains("Cardiology में केबिन C-12 में Dr. Asha Rao के पास भेजा गया", "लगभग 25 मिनट");
    }

    @Test
    void tellsAParkedPatientToComeBackAndARecalledOneThatTheyAreInLineAgain() {
        MessageFacts facts = facts(Instant.parse("2026-03-12T05:00:00Z"));

        assertThat(templates.render(NotificationType.PARKED, facts, "en"))
                .startsWith("Token CARD-045: you were not in the waiting room, so your token is on hold.")
                .contains("Tell the desk or a nurse when you are back");
        assertThat(templates.render(NotificationType.RECALLED, facts, "en"))
                .isEqualTo("Token CARD-045: welcome back, you are in line again for Dr. Asha Rao, cabin C-12. Live status: " + LINK);
        assertThat(templates.render(NotificationType.PARKED, facts, "hi")).contains("टोकन CARD-045", "रोका गया");
        assertThat(templates.render(NotificationType.RECALLED, facts, "hi")).contains("केबिन C-12 में Dr. Asha Rao की कतार");
    }

    @Test
    void showsTheDateOfTheHospitalsDayNotUtcs() {
        String message = templates.render(NotificationType.TOKEN_CREATED, facts(Instant.parse("2026-03-11T23:30:00Z")), "en");

        assertThat(message).contains("at 05:00 on 12 Mar");
    }

    @Test
    void writesHindiForAPatientWhoPrefersIt() {
        String message = templates.render(NotificationType.CALL_NOW, facts(Instant.parse("2026-03-12T05:00:00Z")), "hi");

        assertThat(message).isEqualTo("टोकन CARD-045: कृपया अभी केबिन C-12 में जाएँ, Dr. Asha Rao आपकी प्रतीक्षा कर"
                + " रहे हैं। लाइव स्थिति: " + LINK);
    }

    @Test
    void tellsPositionEtaAndDelayWhereTheTypeSpeaksOfThem() {
        MessageFacts facts = facts(Instant.parse("2026-03-12T05:00:00Z"));

        assertThat(templates.render(NotificationType.T_MINUS_3, facts, "en"))
                .contains("number 3 in line for cabin C-12, about 25 min to go");
        assertThat(templates.render(NotificationType.DOCTOR_DELAYED, facts, "en"))
                .contains("Dr. Asha Rao is running 20 min late", "about 25 min");
        assertThat(templates.render(NotificationType.DOCTOR_DELAYED, facts, "hi"))
                .contains("20 मिनट देरी", "लगभग 25 मिनट");
    }

    @Test
    void fallsBackToTheDefaultLanguageForOneWithoutMessages() {
        MessageTemplates hindiByDefault = new MessageTemplates("hi");
        MessageFacts facts = facts(Instant.parse("2026-03-12T05:00:00Z"));

        assertThat(hindiByDefault.render(NotificationType.CANCELLED, facts, "ta")).contains("रद्द");
        assertThat(hindiByDefault.render(NotificationType.CANCELLED, facts, null)).contains("रद्द");
        assertThat(templates.render(NotificationType.CANCELLED, facts, "ta")).contains("has been cancelled");
    }

    @Test
    void writesTheSignInCodeMaskedInThePatientsLanguageAndRevealsItOnlyForSending() {
        String logged = templates.signInCode(5, "en");

        assertThat(logged).isEqualTo("Your OPD sign-in code is " + MessageTemplates.CODE_MASK
                + ". It expires in 5 minutes. Do not share it with anyone.");
        assertThat(MessageTemplates.revealCode(logged, "042917"))
                .isEqualTo("Your OPD sign-in code is 042917. It expires in 5 minutes. Do not share it with anyone.");
        assertThat(MessageTemplates.revealCode(templates.signInCode(5, "hi"), "042917"))
                .contains("042917", "5 मिनट").doesNotContain(MessageTemplates.CODE_MASK);
        assertThat(templates.signInCode(5, "ta")).startsWith("Your OPD sign-in code");
    }

    @Test
    void writesNoTokenTemplateForASignInCode() {
        assertThatIllegalArgumentException().isThrownBy(() -> templates.render(NotificationType.SIGN_IN_CODE,
                facts(Instant.parse("2026-03-12T05:00:00Z")), "en"));
        assertThatIllegalArgumentException().isThrownBy(() -> MessageTemplates.revealCode("no mask", "042917"));
    }

    @ParameterizedTest
    @EnumSource(value = NotificationType.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"SIGN_IN_CODE", "WAITLIST_OFFER", "APPOINTMENT_BOOKED", "REMINDER_DAY_BEFORE", "REMINDER_HOUR_BEFORE"})
    void everyTypeHasATextInEveryLanguageWithTheTokenAndTheLinkButNoPhoneNumber(NotificationType type) {
        for (String language : MessageTemplates.LANGUAGES) {
            String message = templates.render(type, facts(Instant.parse("2026-03-12T05:00:00Z")), language);

            assertThat(message).as("%s in %s", type, language).contains("CARD-045", LINK.toString())
                    .doesNotContain("{", "}", "9800000001");
        }
    }

    @Test
    void offersAFreedSlotWithItsTimeHoldAndLinkInEnglishAndHindi() {
        AppointmentFacts offer = new AppointmentFacts("Dr. Asha Rao", "Cardiology", Instant.parse("2026-03-13T04:30:00Z"),
                ZoneId.of("Asia/Kolkata"), Instant.parse("2026-03-12T09:15:00Z"), URI.create("https://rzp.io/l/abc123"));

        assertThat(templates.appointment(NotificationType.WAITLIST_OFFER, offer, "en"))
                .isEqualTo("Good news from the waitlist: a slot with Dr. Asha Rao, Cardiology, at 10:00 on 13 Mar is held for you"
                        + " until 14:45. Take it here: https://rzp.io/l/abc123");
        assertThat(templates.appointment(NotificationType.WAITLIST_OFFER, offer, "hi"))
                .contains("प्रतीक्षा सूची", "Dr. Asha Rao", "14:45", "https://rzp.io/l/abc123");
    }

    @ParameterizedTest
    @EnumSource(value = NotificationType.class, names = {"APPOINTMENT_BOOKED", "REMINDER_DAY_BEFORE", "REMINDER_HOUR_BEFORE"})
    void tellsOfTheAppointmentsDoctorAndLocalTimeInEveryLanguage(NotificationType type) {
        AppointmentFacts appointment = new AppointmentFacts("Dr. Asha Rao", "Cardiology", Instant.parse("2026-03-13T04:30:00Z"),
                ZoneId.of("Asia/Kolkata"), null, null);
        for (String language : MessageTemplates.LANGUAGES) {
            assertThat(templates.appointment(type, appointment, language)).as("%s in %s", type, language)
                    .contains("Dr. Asha Rao", "Cardiology", "13").doesNotContain("{", "}");
        }
        assertThatIllegalArgumentException().isThrownBy(() -> templates.render(type, facts(Instant.parse("2026-03-12T05:00:00Z")), "en"));
        assertThatIllegalArgumentException().isThrownBy(() -> templates.appointment(NotificationType.CALL_NOW, appointment, "en"));
    }

    private static MessageFacts facts(Instant scheduled) {
        return new MessageFacts("CARD-045", "Dr. Asha Rao", "Cardiology", "C-12", scheduled, ZoneId.of("Asia/Kolkata"),
                LINK, 3, 25, 20);
    }
}
