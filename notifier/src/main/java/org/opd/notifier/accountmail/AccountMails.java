package org.opd.notifier.accountmail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.opd.schemas.identity.AccountTokenPurpose;
import org.springframework.mail.SimpleMailMessage;

/** Writes the e-mail of an account link: plain text, the link, how long it works, what to do if unexpected. */
public final class AccountMails {

    private final AccountMailProperties properties;

    public AccountMails(AccountMailProperties properties) {
        this.properties = properties;
    }

    public SimpleMailMessage write(String to, String displayName, AccountTokenPurpose purpose, String token, Instant now,
                            Instant expiresAt) {
        String link = properties.linkBaseUrl().replaceAll("/+$", "") + purpose.linkPath() + "?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(properties.from());
        mail.setTo(to);
        mail.setSubject(switch (purpose) {
            case CONFIRM_EMAIL -> "Confirm your e-mail address for the OPD system";
            case RESET_PASSWORD -> "Choose a new password for the OPD system";
        });
        String what = switch (purpose) {
            case CONFIRM_EMAIL -> "An account of " + properties.hospitalName() + "'s OPD system was opened for this address."
                    + " Open this link to confirm that the address is yours:";
            case RESET_PASSWORD -> "Someone asked to choose a new password for your account of " + properties.hospitalName()
                    + "'s OPD system. Open this link to choose it:";
        };
        mail.setText("Hello " + displayName + ",\n\n" + what + "\n\n" + link + "\n\nThe link works once, for "
                + validity(now, expiresAt) + ". If you did not expect this e-mail, you can ignore it;"
                + " nothing changes until the link is used.\n\n" + properties.hospitalName() + "\n");
        return mail;
    }

    /** Rounded up to a whole minute, then said in the largest unit that reads naturally ("1 hour", "7 days"). */
    private static String validity(Instant now, Instant expiresAt) {
        long minutes = Math.max(1, (Duration.between(now, expiresAt).toSeconds() + 59) / 60);
        if (minutes >= 2 * 24 * 60) {
            return Math.round(minutes / (24 * 60.0)) + " days";
        }
        if (minutes >= 60) {
            long hours = Math.round(minutes / 60.0);
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        return minutes + " minutes";
    }
}
