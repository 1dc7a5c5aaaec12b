package org.opd.notifier.token;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The SMS a patient gets when a token is issued: token number, doctor, department, cabin,
 * the scheduled time in the hospital's time zone, and the link to the live status page.
 * Never the patient's name: the phone may be shared or its screen seen by others.
 * English only for now.
 */
final class TokenIssuedTemplate {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm 'on' d MMM", Locale.ENGLISH);

    private final String statusPageBaseUrl;

    TokenIssuedTemplate(URI statusPageBaseUrl) {
        this.statusPageBaseUrl = statusPageBaseUrl.toString().replaceAll("/+$", "");
    }

    String render(IssuedToken token) {
        return "Your OPD token is " + token.tokenNumber()
                + " with " + token.doctorName() + ", " + token.departmentName()
                + ", cabin " + token.cabinNumber()
                + ", at " + LOCAL_TIME.format(token.scheduledTime().atZone(token.hospitalZone()))
                + ". Live status: " + statusPageBaseUrl + "/tokens/" + token.tokenId();
    }
}
