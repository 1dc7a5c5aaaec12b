package org.opd.deploy.load;

/** One request the generator is about to make: a kind of move, in a doctor's lane, for a visit (none for issue and call-next). */
record Move(MoveKind kind, DoctorLane lane, Visit visit) {
}
