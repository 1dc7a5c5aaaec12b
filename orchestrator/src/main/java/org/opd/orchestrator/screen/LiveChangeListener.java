package org.opd.orchestrator.screen;

import java.io.IOException;
import java.util.List;

import org.opd.orchestrator.redis.RedisProperties;
import org.opd.schemas.live.LiveAlertChange;
import org.opd.schemas.live.LiveQueueChange;
import org.opd.schemas.live.LiveStateKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Follows the announced changes (the projection's {@link LiveStateKeys#QUEUE_CHANGES_CHANNEL}, the alerts'
 * {@link LiveStateKeys#ALERT_CHANGES_CHANNEL}) on a Redis connection of its own and hands each to every
 * {@link LiveChangeFollower} (screens', status pages' and dashboards' streams). Pub/sub delivers nothing missed
 * while disconnected, so whenever the subscription breaks or starts anew every open stream is ended
 * and its screen reloads the state; while it is down, no stream is opened.
 */
@Component
class LiveChangeListener implements SmartLifecycle {

    /** The connection's name in Redis's CLIENT LIST. */
    static final String CLIENT_NAME = "opd-orchestrator-screens";

    private static final String[] CHANNELS = {LiveStateKeys.QUEUE_CHANGES_CHANNEL, LiveStateKeys.ALERT_CHANGES_CHANNEL};

    private static final Logger log = LoggerFactory.getLogger(LiveChangeListener.class);

    private final RedisProperties redis;
    private final ScreenProperties properties;
    private final List<LiveChangeFollower> followers;
    private final ObjectMapper json;
    private volatile boolean running;
    private volatile Subscription subscription;
    private Thread thread;

    LiveChangeListener(RedisProperties redis, ScreenProperties properties, List<LiveChangeFollower> followers, ObjectMapper json) {
        this.redis = redis;
        this.properties = properties;
        this.followers = List.copyOf(followers);
        this.json = json;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "screen-changes");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Subscription current = subscription;
        if (current != null && current.isSubscribed()) {
            current.unsubscribe();
        }
        thread.interrupt();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            int timeoutMillis = Math.toIntExact(redis.timeout().toMillis());
            try (Jedis connection = new Jedis(new HostAndPort(redis.host(), redis.port()), DefaultJedisClientConfig.builder()
                    .connectionTimeoutMillis(timeoutMillis).clientName(CLIENT_NAME).build())) {
                subscription = new Subscription();
                connection.subscribe(subscription, CHANNELS);
            } catch (JedisException e) {
                log.warn("Live changes not followed ({}); screens reload, retrying in {}", e.toString(), properties.resubscribeDelay());
            }
            followers.forEach(follower -> {
                follower.following(false);
                follower.disconnectAll();
            });
            if (running) {
                try {
                    Thread.sleep(properties.resubscribeDelay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private final class Subscription extends JedisPubSub {

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            if (subscribedChannels < CHANNELS.length) {
                return;
            }
            // Whatever changed before now was not heard: the screens open till now reload.
            followers.forEach(follower -> {
                follower.disconnectAll();
                follower.following(true);
            });
            log.info("Following live changes on {}", String.join(", ", CHANNELS));
        }

        @Override
        public void onMessage(String channel, String message) {
            try {
                if (LiveStateKeys.ALERT_CHANGES_CHANNEL.equals(channel)) {
                    LiveAlertChange change = json.readValue(message, LiveAlertChange.class);
                    followers.forEach(follower -> follower.alertsChanged(change));
                } else {
                    LiveQueueChange change = json.readValue(message, LiveQueueChange.class);
                    followers.forEach(follower -> follower.changed(change));
                }
            } catch (IOException e) {
                // Not ours to fix, and the screens still get the next good one; the message holds ids only.
                log.warn("Unreadable change on {}: {}", channel, e.getMessage());
            }
        }
    }
}
