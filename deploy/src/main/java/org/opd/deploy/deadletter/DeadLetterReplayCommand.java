package org.opd.deploy.deadletter;

import java.io.PrintStream;
import java.util.List;

import org.opd.schemas.kafka.Topic;
import org.opd.schemas.kafka.Topics;

/**
 * {@code deploy/bin/replay-dead-letters.sh TOPIC}: replays the dead letters of a consumed topic (for example
 * {@code opd.token-events}) to it, and prints how many; Kafka from {@code OPD_KAFKA_BOOTSTRAP_SERVERS}, else
 * the runner's broker on {@code OPD_KAFKA_PORT}. Exits 0 when done, 2 for a topic without dead letters.
 */
public final class DeadLetterReplayCommand {

    private DeadLetterReplayCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, bootstrapServers(), System.out));
    }

    static int run(String[] args, String bootstrapServers, PrintStream out) {
        List<String> withDeadLetters = Topics.ALL.stream().map(Topic::name)
                .filter(name -> Topics.ALL.stream().anyMatch(topic -> topic.name().equals(Topics.deadLettersOf(name))))
                .toList();
        if (args.length != 1 || !withDeadLetters.contains(args[0])) {
            out.println("usage: replay-dead-letters.sh TOPIC, one of " + String.join(", ", withDeadLetters));
            return 2;
        }
        try (DeadLetterReplay replay = new DeadLetterReplay(bootstrapServers)) {
            DeadLetterReplay.Outcome outcome = replay.replay(args[0]);
            out.println("Replayed " + outcome.replayed() + " dead letter(s) of " + outcome.deadLetterTopic() + " to "
                    + outcome.originalTopic() + (outcome.consumers().isEmpty() ? ""
                    : "; resolved the alerts of " + String.join(", ", outcome.consumers())));
        }
        return 0;
    }

    private static String bootstrapServers() {
        String configured = System.getenv("OPD_KAFKA_BOOTSTRAP_SERVERS");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String port = System.getenv("OPD_KAFKA_PORT");
        return "127.0.0.1:" + (port == null || port.isBlank() ? "9092" : port);
    }
}
