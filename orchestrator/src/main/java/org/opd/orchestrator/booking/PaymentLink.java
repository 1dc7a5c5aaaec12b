package org.opd.orchestrator.booking;

/** A payment link the provider created: its id there, and the short URL the patient pays at. */
record PaymentLink(String providerLinkId, String shortUrl) {
}
