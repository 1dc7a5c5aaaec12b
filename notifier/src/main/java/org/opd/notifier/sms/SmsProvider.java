package org.opd.notifier.sms;

/** Hands a text message to an SMS provider. Implementations are thread-safe. */
public interface SmsProvider {

    /**
     * Sends {@code body} to {@code to} and returns the provider's id of the accepted message,
     * which later delivery reports refer to.
     *
     * @param to phone number in E.164 form, e.g. {@code +919800000001}
     * @throws SmsSendException when the provider refuses the message or cannot be reached
     */
    String send(String to, String body) throws SmsSendException;
}
