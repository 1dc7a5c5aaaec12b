package org.opd.notifier.delivery;

import java.util.UUID;

import org.opd.notifier.channel.Channel;
import org.opd.schemas.notification.NotificationType;

/**
 * A message about an appointment booked ahead (a waitlist offer, a reminder) to log and then send.
 * {@link #toString()} leaves out the phone number and the text.
 *
 * @param phoneNumber the patient's number for SMS and WhatsApp; null for push, whose device token is looked up
 *                    when the message goes out
 */
public record NewAppointmentMessage(UUID appointmentId, UUID patientId, NotificationType type, Channel channel,
                                    String phoneNumber, String message) {

    @Override
    public String toString() {
        return "NewAppointmentMessage[appointmentId=" + appointmentId + ", patientId=" + patientId + ", type=" + type
                + ", channel=" + channel + "]";
    }
}
