package org.opd.orchestrator.booking;

/** What a doctor's booking costs, in the currency's smallest unit (paise for INR), as the provider takes it. */
public record BookingFee(int amountMinor, String currency) {
}
