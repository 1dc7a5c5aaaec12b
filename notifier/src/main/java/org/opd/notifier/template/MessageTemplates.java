package org.opd.notifier.template;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opd.schemas.notification.NotificationType;

/**
 * The text of each notification type in each supported language, from
 * {@code templates/messages[_lang].properties}. Placeholders are named ({@code {token}}) rather
 * than numbered, so translators can reorder them freely.
 */
public final class MessageTemplates {

    /** Languages with a complete set of messages. */
    public static final Set<String> LANGUAGES = Set.of("en", "hi");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    // No fallback to the JVM's default locale: a language we lack falls back to English, always.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /**
     * Stands for the code in a sign-in message as logged: the code is put in only as the message goes
     * out ({@link #revealCode}), so the text that {@code notifications_log} keeps never holds it.
     */
    public static final String CODE_MASK = "••••••";

    /** The types about an appointment booked ahead rather than a token: {@link #appointment} writes them. */
    public static final Set<NotificationType> ABOUT_APPOINTMENTS = Set.of(NotificationType.WAITLIST_OFFER,
            NotificationType.APPOINTMENT_BOOKED, NotificationType.REMINDER_DAY_BEFORE, NotificationType.REMINDER_HOUR_BEFORE);

    private final String defaultLanguage;

    public MessageTemplates(String defaultLanguage) {
        if (!LANGUAGES.contains(defaultLanguage)) {
            throw new IllegalArgumentException("No messages in the default language " + defaultLanguage);
        }
        this.defaultLanguage = defaultLanguage;
    }

    /** @param language the patient's preferred language, or null; one without messages gets the default */
    public String render(NotificationType type, MessageFacts facts, String language) {
        if (type == NotificationType.SIGN_IN_CODE) {
            throw new IllegalArgumentException("A sign-in code is about no token: use signInCode()");
        }
        if (ABOUT_APPOINTMENTS.contains(type)) {
            throw new IllegalArgumentException(type + " is about an appointment, not a token: use appointment()");
        }
        Locale locale = locale(language);
        ResourceBundle bundle = bundle(locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern(bundle.getString("time.pattern"), locale);
        Map<String, String> values = Map.of(
                "token", facts.tokenNumber(),
                "doctor", facts.doctorName(),
                "department", facts.departmentName(),
                "cabin", facts.cabinNumber(),
                "time", time.format(facts.scheduledTime().atZone(facts.hospitalZone())),
                "position", number(facts.position()),
                "eta", number(facts.etaMinutes()),
                "delay", number(facts.delayMinutes()),
                "link", facts.statusLink().toString());
        return fill(type, bundle, values);
    }

    /** A message about an appointment booked ahead (a waitlist offer, a reminder) in the patient's language. */
    public String appointment(NotificationType type, AppointmentFacts facts, String language) {
        if (!ABOUT_APPOINTMENTS.contains(type)) {
            throw new IllegalArgumentException(type + " is not about an appointment");
        }
        Locale locale = locale(language);
        ResourceBundle bundle = bundle(locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern(bundle.getString("time.pattern"), locale);
        Map<String, String> values = new HashMap<>(Map.of(
                "doctor", facts.doctorName(),
                "department", facts.departmentName(),
                "time", time.format(facts.startsAt().atZone(facts.hospitalZone()))));
        if (facts.holdExpiresAt() != null) {
            values.put("until", DateTimeFormatter.ofPattern("HH:mm", locale).format(facts.holdExpiresAt().atZone(facts.hospitalZone())));
        }
        if (facts.link() != null) {
            values.put("link", facts.link().toString());
        }
        return fill(type, bundle, values);
    }

    /**
     * The sign-in message with the code masked ({@link #CODE_MASK}): what is logged. {@link #revealCode}
     * makes the text that is sent.
     *
     * @param validMinutes how long the code works, as the patient is told
     */
    public String signInCode(long validMinutes, String language) {
        return fill(NotificationType.SIGN_IN_CODE, bundle(locale(language)),
                Map.of("code", CODE_MASK, "minutes", Long.toString(validMinutes)));
    }

    /** The text to send: the masked sign-in message with the code in place of the mask. */
    public static String revealCode(String maskedText, String code) {
        if (!maskedText.contains(CODE_MASK)) {
            throw new IllegalArgumentException("The message has no place for the code");
        }
        return maskedText.replace(CODE_MASK, code);
    }

    private Locale locale(String language) {
        return Locale.forLanguageTag(language != null && LANGUAGES.contains(language) ? language : defaultLanguage);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("templates.messages", locale, NO_FALLBACK);
    }

    private static String fill(NotificationType type, ResourceBundle bundle, Map<String, String> values) {
        Matcher placeholders = PLACEHOLDER.matcher(bundle.getString(type.name()));
        StringBuilder text = new StringBuilder();
        while (placeholders.find()) {
            String value = values.get(placeholders.group(1));
            if (value == null) {
                throw new IllegalStateException("Unknown placeholder " + placeholders.group() + " in " + type);
            }
            placeholders.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        return placeholders.appendTail(text).toString();
    }

    private static String number(Integer value) {
        return value == null ? "?" : value.toString();
    }
}
