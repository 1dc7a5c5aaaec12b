package org.opd.deploy.load;

import org.opd.schemas.token.TokenStatus;

/**
 * The moves of a token's life the generator makes, each with the status an accepted move leaves
 * the token in, and whether a waiting-room screen can see that move in the token's status.
 */
enum MoveKind {
    ISSUE(TokenStatus.BOOKED, true),
    CHECK_IN(TokenStatus.CHECKED_IN, true),
    WAIT(TokenStatus.WAITING, true),
    /** The token stays WAITING (with its call time), so its status in Redis does not show the call. */
    CALL_NEXT(TokenStatus.WAITING, false),
    START(TokenStatus.IN_CONSULTATION, true),
    COMPLETE(TokenStatus.COMPLETED, true),
    NO_SHOW(TokenStatus.NO_SHOW, true);

    private final TokenStatus leavesIn;
    private final boolean visibleInStatus;

    MoveKind(TokenStatus leavesIn, boolean visibleInStatus) {
        this.leavesIn = leavesIn;
        this.visibleInStatus = visibleInStatus;
    }

    TokenStatus leavesIn() {
        return leavesIn;
    }

    boolean visibleInStatus() {
        return visibleInStatus;
    }
}
