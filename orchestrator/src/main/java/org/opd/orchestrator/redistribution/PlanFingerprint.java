package org.opd.orchestrator.redistribution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;

/**
 * The version of a plan: SHA-256 over everything the plan is computed from (the affected tokens and
 * their versions, each colleague's shift with its room, cabin state and line with versions, the rules,
 * the next session). Any move in those queues since the preview gives another version.
 */
final class PlanFingerprint {

    private PlanFingerprint() {
    }

    static String of(PlanInput input) {
        StringBuilder text = new StringBuilder("exception ").append(input.exceptionId()).append('\n');
        input.affected().forEach(token -> text.append("affected ").append(token.tokenId()).append(' ').append(token.version())
                .append('\n'));
        input.sessions().stream().sorted(Comparator.comparing(session -> session.assignmentId().toString()))
                .forEach(session -> {
                    text.append("session ").append(session.assignmentId()).append(' ').append(session.doctorId()).append(' ')
                            .append(session.room()).append(' ').append(session.busy()).append(' ')
                            .append(session.avgConsultationMinutes()).append(' ').append(session.bufferMinutes()).append(' ')
                            .append(session.endsAt()).append('\n');
                    session.line().stream().sorted(Comparator.comparing(line -> line.tokenId().toString()))
                            .forEach(line -> text.append(" line ").append(line.tokenId()).append(' ').append(line.version()).append('\n'));
                });
        input.rules().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(rule -> text.append("rule ").append(rule.getKey()).append(' ').append(rule.getValue()).append('\n'));
        if (input.nextSession() != null) {
            text.append("next ").append(input.nextSession().assignmentId()).append(' ').append(input.nextSession().room());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
