package org.opd.orchestrator.booking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.jdbc.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PaymentLinkRepository {

    private final JdbcClient jdbc;

    PaymentLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID appointmentId, PaymentLink link, BookingFee fee, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO payment_links (appointment_id, provider_link_id, short_url, amount_minor, currency, expires_at)
                        VALUES (:id, :link, :url, :amount, :currency, :expires)""")
                .param("id", appointmentId).param("link", link.providerLinkId()).param("url", link.shortUrl())
                .param("amount", fee.amountMinor()).param("currency", fee.currency())
                .param("expires", Sql.timestamp(expiresAt))
                .update();
    }

    /** The appointment a provider's link is for. */
    Optional<UUID> appointmentOf(String providerLinkId) {
        return jdbc.sql("SELECT appointment_id FROM payment_links WHERE provider_link_id = :link")
                .param("link", providerLinkId).query(UUID.class).optional();
    }

    /** @param status PAID, or PAID_LATE when the hold had already been let go */
    void markPaid(UUID appointmentId, String status, String providerPaymentId, Instant paidAt) {
        jdbc.sql("""
                        UPDATE payment_links SET status = :status, provider_payment_id = :payment, paid_at = :paidAt
                        WHERE appointment_id = :id""")
                .param("status", status).param("payment", providerPaymentId).param("paidAt", Sql.timestamp(paidAt))
                .param("id", appointmentId)
                .update();
    }

    /** A paid appointment was cancelled: its payment is owed back. */
    void markRefundDue(UUID appointmentId) {
        jdbc.sql("UPDATE payment_links SET status = 'REFUND_DUE' WHERE appointment_id = :id AND status = 'PAID'")
                .param("id", appointmentId).update();
    }

    /**
     * A held appointment was cancelled before payment: its link is closed here.
     *
     * @return the provider's id of the link closed; empty when it had no unpaid link
     */
    Optional<String> cancelUnpaid(UUID appointmentId) {
        return jdbc.sql("""
                        UPDATE payment_links SET status = 'CANCELLED' WHERE appointment_id = :id AND status = 'CREATED'
                        RETURNING provider_link_id""")
                .param("id", appointmentId).query(String.class).optional();
    }

    void expire(List<UUID> appointmentIds) {
        if (!appointmentIds.isEmpty()) {
            jdbc.sql("UPDATE payment_links SET status = 'EXPIRED' WHERE appointment_id IN (:ids) AND status = 'CREATED'")
                    .param("ids", appointmentIds).update();
        }
    }
}
