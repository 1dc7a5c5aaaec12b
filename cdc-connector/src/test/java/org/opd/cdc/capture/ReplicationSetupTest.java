package org.opd.cdc.capture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplicationSetupTest {

    @Test
    void refusesAServerWhoseWalLevelIsNotLogicalNamingTheSetting() {
        assertThatThrownBy(() -> ReplicationSetup.requireLogicalWalLevel("replica"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wal_level = replica")
                .hasMessageContaining("needs wal_level = logical");
    }

    @Test
    void acceptsAServerWithLogicalWalLevel() {
        assertThatCode(() -> ReplicationSetup.requireLogicalWalLevel("logical")).doesNotThrowAnyException();
    }

    @Test
    void refusesAUserWithoutReplicationPrivilegeSayingHowToGrantIt() {
        assertThatThrownBy(() -> ReplicationSetup.requireReplicationPrivilege("opd", false))
                .hasMessageContaining("ALTER ROLE opd WITH REPLICATION");
    }

    @Test
    void refusesToCreateASlotWhenEverySlotIsTakenNamingTheSetting() {
        assertThatThrownBy(() -> ReplicationSetup.requireFreeSlot("opd_outbox", 10, 10))
                .hasMessageContaining("max_replication_slots");
        assertThatCode(() -> ReplicationSetup.requireFreeSlot("opd_outbox", 9, 10)).doesNotThrowAnyException();
    }
}
