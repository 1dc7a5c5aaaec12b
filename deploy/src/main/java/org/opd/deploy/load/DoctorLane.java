package org.opd.deploy.load;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * One doctor's simulated morning: patients arrive and get tokens while the line is short, check
 * in (or never come), are triaged, and the doctor calls the next one as soon as the cabin is
 * free, starts and completes. A lane is moved by one client at a time, so its picture of the
 * line is what the API answered; a refused move drops the token from the picture.
 */
final class DoctorLane {

    private final UUID doctorId;
    private final SimulatedHospital hospital;
    private final MorningProfile profile;
    private final Deque<Visit> booked = new ArrayDeque<>();
    private final Deque<Visit> checkedIn = new ArrayDeque<>();
    private final Map<UUID, Visit> waiting = new LinkedHashMap<>();
    private Visit called;
    private Visit inConsultation;
    private int issued;
    private boolean shiftFull;

    DoctorLane(UUID doctorId, SimulatedHospital hospital, MorningProfile profile) {
        this.doctorId = doctorId;
        this.hospital = hospital;
        this.profile = profile;
    }

    UUID doctorId() {
        return doctorId;
    }

    SimulatedHospital hospital() {
        return hospital;
    }

    /** The next move, drawn among those the line allows now; none when the doctor's morning is over. */
    Move next(Random random) {
        List<Move> possible = new ArrayList<>(6);
        if (!shiftFull && issued < profile.tokensPerShift() && inLine() < profile.lineTarget()) {
            possible.add(new Move(MoveKind.ISSUE, this, new Visit(null, random.nextDouble() < profile.noShowShare())));
        }
        if (!booked.isEmpty()) {
            Visit visit = booked.peekFirst();
            possible.add(new Move(visit.noShow() ? MoveKind.NO_SHOW : MoveKind.CHECK_IN, this, visit));
        }
        if (!checkedIn.isEmpty()) {
            possible.add(new Move(MoveKind.WAIT, this, checkedIn.peekFirst()));
        }
        if (!waiting.isEmpty() && called == null && inConsultation == null) {
            possible.add(new Move(MoveKind.CALL_NEXT, this, null));
        }
        if (called != null) {
            possible.add(new Move(MoveKind.START, this, called));
        }
        if (inConsultation != null) {
            possible.add(new Move(MoveKind.COMPLETE, this, inConsultation));
        }
        return possible.isEmpty() ? null : possible.get(random.nextInt(possible.size()));
    }

    /**
     * Takes the API's answer to a move into the picture.
     *
     * @param tokenId the token the answer is about (for issue and call-next, the one the API chose); null if refused
     * @param shiftLimit whether a refused issue said the doctor's shift (or department's day) takes no more tokens
     */
    void answered(Move move, boolean accepted, UUID tokenId, boolean shiftLimit) {
        switch (move.kind()) {
            case ISSUE -> {
                if (accepted) {
                    issued++;
                    booked.addLast(new Visit(tokenId, move.visit().noShow()));
                } else if (shiftLimit) {
                    shiftFull = true;
                }
            }
            case CHECK_IN -> {
                booked.remove(move.visit());
                if (accepted) {
                    checkedIn.addLast(move.visit());
                }
            }
            case NO_SHOW -> booked.remove(move.visit());
            case WAIT -> {
                checkedIn.remove(move.visit());
                if (accepted) {
                    waiting.put(move.visit().tokenId(), move.visit());
                }
            }
            case CALL_NEXT -> {
                if (accepted) {
                    called = takeCalled(tokenId);
                }
            }
            case START -> {
                called = null;
                if (accepted) {
                    inConsultation = move.visit();
                }
            }
            case COMPLETE -> inConsultation = null;
        }
    }

    /** The token the API called: normally one that waits; a checked-in one may be called too. */
    private Visit takeCalled(UUID tokenId) {
        Visit visit = waiting.remove(tokenId);
        if (visit == null) {
            visit = checkedIn.stream().filter(v -> v.tokenId().equals(tokenId)).findFirst().orElse(new Visit(tokenId, false));
            checkedIn.remove(visit);
        }
        return visit;
    }

    /** Whether the doctor's morning is over: the shift is full and every patient has left. */
    boolean finished() {
        return (shiftFull || issued >= profile.tokensPerShift()) && inLine() == 0 && called == null && inConsultation == null;
    }

    private int inLine() {
        return booked.size() + checkedIn.size() + waiting.size();
    }
}
