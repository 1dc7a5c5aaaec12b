package org.opd.orchestrator.assistant;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;

import org.opd.orchestrator.booking.BookingFee;
import org.opd.orchestrator.specialty.Specialty;

/**
 * Days, times, money and specialty names as a patient reads them in the conversation's language and the
 * hospital's time zone. English until a language is chosen.
 */
final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Language language;
    private final ZoneId zone;

    Formats(Language language, ZoneId zone) {
        this.language = language == null ? Language.EN : language;
        this.zone = zone;
    }

    /** "Tue 8 Dec, 09:15" */
    String when(Instant at) {
        return DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", language.locale()).format(at.atZone(zone));
    }

    /** "Tue 8 Dec" */
    String day(LocalDate day) {
        return DateTimeFormatter.ofPattern("EEE d MMM", language.locale()).format(day);
    }

    /** "09:15" */
    String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }

    /** "₹500.00": the fee's smallest units in its currency, as the language writes money. */
    String money(BookingFee fee) {
        Currency currency = Currency.getInstance(fee.currency());
        NumberFormat format = NumberFormat.getCurrencyInstance(language.locale());
        format.setCurrency(currency);
        return format.format(BigDecimal.valueOf(fee.amountMinor()).movePointLeft(currency.getDefaultFractionDigits()));
    }

    String name(Specialty specialty) {
        return language == Language.HI ? specialty.nameHi() : specialty.nameEn();
    }
}
