package org.opd.notifier.webhook;

/** Where providers post their status callbacks; the senders tell them, the controllers listen. */
public final class WebhookPaths {

    public static final String TWILIO_STATUS = "/webhooks/twilio/status";
    public static final String WHATSAPP = "/webhooks/whatsapp";

    /** Query parameter of Twilio's callback URL that names our message, as WhatsApp's {@code biz_opaque_callback_data} does. */
    public static final String NOTIFICATION_ID = "notificationId";

    private WebhookPaths() {
    }
}
