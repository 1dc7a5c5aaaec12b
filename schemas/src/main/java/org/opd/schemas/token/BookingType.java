package org.opd.schemas.token;

public enum BookingType {
    WALK_IN,
    ONLINE,
    EMERGENCY
}
