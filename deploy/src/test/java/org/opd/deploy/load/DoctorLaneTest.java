package org.opd.deploy.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.schemas.token.TokenStatus;

class DoctorLaneTest {

    private static final SimulatedHospital HOSPITAL = new SimulatedHospital(UUID.randomUUID(), 12.97, 77.59, List.of(UUID.randomUUID()));

    /** The statuses the API's state machine gives, as far as the lane's moves go. */
    private final Map<UUID, TokenStatus> stored = new LinkedHashMap<>();
    private final Map<UUID, Boolean> called = new HashMap<>();

    @Test
    void aMorningMovesEveryTokenOnlyAsTheStateMachineAllowsAndEndsWhenTheShiftIsFull() {
        // Given a doctor whose shift takes 40 patients, 1 in 4 never coming, and answers as the API gives them
        DoctorLane lane = new DoctorLane(UUID.randomUUID(), HOSPITAL, new MorningProfile(5, 40, 0.25, 0.1, 0.02));
        Random random = new Random(7);
        Map<MoveKind, Integer> made = new EnumMap<>(MoveKind.class);
        int inLineMost = 0;

        // When the lane is moved until it has nothing left
        for (Move move = lane.next(random); move != null; move = lane.next(random)) {
            UUID tokenId = apply(move);
            lane.answered(move, true, tokenId, false);
            made.merge(move.kind(), 1, Integer::sum);
            inLineMost = Math.max(inLineMost, (int) stored.entrySet().stream()
                    .filter(e -> !e.getValue().isFinal() && e.getValue() != TokenStatus.IN_CONSULTATION && !called.containsKey(e.getKey()))
                    .count());
        }

        // Then every patient was seen or marked no-show, the line (not counting the one called in) never
        // outgrew its target, and the morning is over
        assertThat(stored).hasSize(40);
        assertThat(stored.values()).allMatch(s -> s == TokenStatus.COMPLETED || s == TokenStatus.NO_SHOW);
        assertThat(made.get(MoveKind.NO_SHOW)).isBetween(3, 20);
        assertThat(made.get(MoveKind.COMPLETE) + made.get(MoveKind.NO_SHOW)).isEqualTo(40);
        assertThat(made.get(MoveKind.CALL_NEXT)).isEqualTo(made.get(MoveKind.COMPLETE));
        assertThat(inLineMost).isLessThanOrEqualTo(5);
        assertThat(lane.finished()).isTrue();
    }

    @Test
    void aRefusedIssueAtTheShiftLimitEndsTheArrivals() {
        DoctorLane lane = new DoctorLane(UUID.randomUUID(), HOSPITAL, new MorningProfile(5, 40, 0, 0, 0));
        Move issue = lane.next(new Random(1));
        assertThat(issue.kind()).isEqualTo(MoveKind.ISSUE);

        lane.answered(issue, false, null, true);

        assertThat(lane.next(new Random(1))).isNull();
        assertThat(lane.finished()).isTrue();
    }

    @Test
    void aRefusedMoveDropsTheTokenFromTheLine() {
        DoctorLane lane = new DoctorLane(UUID.randomUUID(), HOSPITAL, new MorningProfile(1, 1, 0, 0, 0));
        Random random = new Random(1);
        Move issue = lane.next(random);
        lane.answered(issue, true, UUID.randomUUID(), false);
        Move checkIn = lane.next(random);
        assertThat(checkIn.kind()).isEqualTo(MoveKind.CHECK_IN);

        lane.answered(checkIn, false, null, false);

        assertThat(lane.next(random)).isNull();
    }

    /** The API's side of a move: the transition it makes, refusing (failing the test) an illegal one. */
    private UUID apply(Move move) {
        return switch (move.kind()) {
            case ISSUE -> {
                UUID id = UUID.randomUUID();
                stored.put(id, TokenStatus.BOOKED);
                yield id;
            }
            case CALL_NEXT -> {
                UUID next = stored.entrySet().stream()
                        .filter(e -> e.getValue() == TokenStatus.WAITING && !called.containsKey(e.getKey()))
                        .map(Map.Entry::getKey).findFirst().orElseThrow();
                assertThat(stored.values()).doesNotContain(TokenStatus.IN_CONSULTATION);
                called.put(next, true);
                yield next;
            }
            default -> {
                UUID id = move.visit().tokenId();
                TokenStatus now = stored.get(id);
                assertThat(now.canMoveTo(move.kind().leavesIn())).as("%s from %s", move.kind(), now).isTrue();
                if (move.kind() == MoveKind.START) {
                    assertThat(called).containsKey(id);
                }
                stored.put(id, move.kind().leavesIn());
                yield id;
            }
        };
    }
}
