package org.opd.deploy.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class SimulatedClinicTest {

    @Test
    void theClinicsZoneIsInTheMorningNowSoAShiftNeverCrossesMidnight() {
        assertThat(ZonedDateTime.now(SimulatedClinic.morningZone()).getHour()).isBetween(9, 10);
    }
}
