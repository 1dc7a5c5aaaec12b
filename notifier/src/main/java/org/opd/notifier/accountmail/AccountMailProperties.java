package org.opd.notifier.accountmail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-mails of staff account links ({@code opd.notifier.account-mail.*}); sent only when an SMTP server is
 * configured ({@code spring.mail.host}, {@code SPRING_MAIL_HOST}), and then {@link #requireComplete checked} at start.
 *
 * @param from          the sender address, e.g. {@code opd-no-reply@hospital.example}
 * @param linkBaseUrl   the orchestrator's public address the links open, e.g. {@code https://opd.hospital.example}
 * @param hospitalName  how the mail names the sender organisation
 */
@ConfigurationProperties("opd.notifier.account-mail")
public record AccountMailProperties(String from, String linkBaseUrl, String hospitalName) {

    /** @throws IllegalStateException naming the first setting that is missing */
    AccountMailProperties requireComplete() {
        require(from, "from", "OPD_NOTIFIER_ACCOUNT_MAIL_FROM");
        require(linkBaseUrl, "link-base-url", "OPD_NOTIFIER_ACCOUNT_MAIL_LINK_BASE_URL");
        require(hospitalName, "hospital-name", "OPD_NOTIFIER_ACCOUNT_MAIL_HOSPITAL_NAME");
        return this;
    }

    private static void require(String value, String name, String variable) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("opd.notifier.account-mail." + name + " must be set (" + variable
                    + ") when an SMTP server is configured (spring.mail.host)");
        }
    }
}
