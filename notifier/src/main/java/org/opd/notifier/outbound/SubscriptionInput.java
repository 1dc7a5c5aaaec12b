package org.opd.notifier.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The rules of a subscription's input. A target is an absolute {@code https://} URL without credentials in
 * it; {@code http://} only to the loopback interface, and only where {@code allow-http-loopback} says so
 * (tests, a receiver on the same machine). Event types are names of {@link WebhookEventTypes#ALL}.
 */
final class SubscriptionInput {

    private final boolean allowHttpLoopback;

    SubscriptionInput(boolean allowHttpLoopback) {
        this.allowHttpLoopback = allowHttpLoopback;
    }

    URI targetUrl(String raw) {
        URI url;
        try {
            url = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw WebhookProblem.invalidField("targetUrl", "is not a URL");
        }
        if (!url.isAbsolute() || url.getHost() == null) {
            throw WebhookProblem.invalidField("targetUrl", "must be an absolute URL with a host");
        }
        if (url.getRawUserInfo() != null) {
            throw WebhookProblem.invalidField("targetUrl", "must not carry a user name or password");
        }
        if (url.getRawFragment() != null) {
            throw WebhookProblem.invalidField("targetUrl", "must not have a fragment");
        }
        String scheme = url.getScheme().toLowerCase();
        if (scheme.equals("https")) {
            return url;
        }
        if (scheme.equals("http") && allowHttpLoopback && isLoopback(url.getHost())) {
            return url;
        }
        throw WebhookProblem.invalidField("targetUrl", allowHttpLoopback
                ? "must use https (http only to localhost)" : "must use https");
    }

    /** The names, each once, in the order given; an unknown name is refused with its position. */
    List<String> eventTypes(List<String> names) {
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || !WebhookEventTypes.ALL.contains(name)) {
                throw WebhookProblem.invalidField("eventTypes[" + i + "]", "is not an event type; one of "
                        + String.join(", ", WebhookEventTypes.ALL));
            }
            types.add(name);
        }
        return List.copyOf(types);
    }

    /** A literal loopback address or {@code localhost}; names are not resolved here. */
    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
