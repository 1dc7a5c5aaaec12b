package org.opd.orchestrator.assistant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.error.UnauthorizedException;
import org.opd.schemas.whatsapp.HubSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClientException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The booking numbers' Cloud API webhook: only a body signed with the app secret
 * ({@code X-Hub-Signature-256}) is read; each message is answered in its own transaction, and the
 * replies are sent once it committed. A reply the Cloud API refuses is logged, not retried: the patient's
 * next message gets the question again.
 */
@Service
public class AssistantWebhook {

    private static final Logger log = LoggerFactory.getLogger(AssistantWebhook.class);

    private final AssistantProperties properties;
    private final Assistant assistant;
    private final CloudApiClient cloud;
    private final ObjectMapper json;

    AssistantWebhook(AssistantProperties properties, Assistant assistant, CloudApiClient cloud, ObjectMapper json) {
        this.properties = properties;
        this.assistant = assistant;
        this.cloud = cloud;
        this.json = json;
    }

    /**
     * Meta's subscription handshake: the challenge is echoed only to whoever knows the verify token.
     *
     * @return the challenge to answer with
     * @throws UnauthorizedException when it is not a subscription with our verify token (401)
     * @throws AssistantOffException when the assistant is not enabled (404)
     */
    public String handshake(String mode, String verifyToken, String challenge) {
        requireEnabled();
        boolean ours = "subscribe".equals(mode) && challenge != null && verifyToken != null
                && MessageDigest.isEqual(properties.verifyToken().getBytes(StandardCharsets.UTF_8),
                        verifyToken.getBytes(StandardCharsets.UTF_8));
        if (!ours) {
            throw new UnauthorizedException("webhook-verify-token", "Wrong verify token",
                    "hub.mode must be subscribe, with a hub.challenge and the configured hub.verify_token");
        }
        return challenge;
    }

    /**
     * @return how many messages were answered
     * @throws AssistantOffException when the assistant is not enabled (404)
     */
    public int receive(byte[] rawBody, String signature) {
        requireEnabled();
        if (!HubSignature.matches(properties.appSecret(), rawBody, signature)) {
            throw new UnauthorizedException("webhook-signature", "Wrong signature",
                    HubSignature.HEADER + " does not sign this body with the app secret");
        }
        List<InboundMessage> messages;
        try {
            messages = WebhookPayload.messages(json.readTree(rawBody));
        } catch (IOException e) {
            throw new InvalidInputException("body", "is not a WhatsApp webhook");
        }
        List<Outgoing> replies = new ArrayList<>();
        for (InboundMessage message : messages) {
            replies.addAll(assistant.receive(message));
        }
        replies.forEach(this::send);
        return messages.size();
    }

    private void requireEnabled() {
        if (!properties.enabled()) {
            throw new AssistantOffException();
        }
    }

    private void send(Outgoing reply) {
        try {
            cloud.send(reply);
        } catch (RestClientException e) {
            log.warn("Reply of conversation {} not sent: {}", reply.sessionId(), e.getMessage());
        }
    }
}
