package org.vnetlab.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * netback's net_schedule_list (Xen 3.0.4's net_tx_action): vifs join its tail on their guest's
 * event, take one request a turn from its head and go back to the tail while they have more, and
 * leave when found empty.
 */
class NetScheduleTest {

    @Test
    void listedVifsTakeTurnsFromTheHeadOneRequestEach() {
        NetSchedule s = new NetSchedule();
        s.add(1);
        s.add(0);
        s.takeTurns(new int[] {10, 10}, 5);
        // turns: 1, 0, 1, 0, 1
        assertEquals(3, s.turns(1));
        assertEquals(2, s.turns(0));
        assertEquals(2, s.servedCount());
        assertEquals(1, s.served(0), "served in list order, vif 1 first");
        assertEquals(0, s.served(1));
        // vif 1 took the last turn and went to the tail: vif 0 comes first next time
        s.takeTurns(new int[] {8, 7}, 1);
        assertEquals(1, s.turns(0));
        assertEquals(0, s.turns(1));
    }

    @Test
    void aVifJoinsOnlyOnItsEventAndAtTheTail() {
        NetSchedule s = new NetSchedule();
        s.add(0);
        s.takeTurns(new int[] {4, 6}, 100);
        assertEquals(4, s.turns(0));
        assertEquals(0, s.turns(1), "vif 1 has requests but no event put it on the list");
        assertFalse(s.listed(0), "found empty, vif 0 left the list");
        s.add(1);
        s.add(0);
        s.add(1);
        assertTrue(s.listed(1));
        s.takeTurns(new int[] {3, 6}, 3);
        // vif 1 joined first and a second add changes nothing: turns 1, 0, 1
        assertEquals(2, s.turns(1));
        assertEquals(1, s.turns(0));
        assertEquals(1, s.served(0));
    }

    @Test
    void aVifThatRunsOutLeavesAndTheOthersGoOn() {
        NetSchedule s = new NetSchedule();
        for (int v = 0; v < 3; v++) {
            s.add(v);
        }
        s.takeTurns(new int[] {2, 9, 5}, 100);
        assertEquals(2, s.turns(0));
        assertEquals(9, s.turns(1));
        assertEquals(5, s.turns(2));
        assertTrue(s.isEmpty(), "every ring emptied, every vif left");
    }

    @Test
    void turnsRotateTheListWhateverItsStorage() {
        NetSchedule s = new NetSchedule();
        // fewer vifs than the list's first storage: the rotation must move them, not just the head
        s.add(0);
        s.add(1);
        s.add(2);
        s.takeTurns(new int[] {10, 10, 10}, 2);
        s.takeTurns(new int[] {10, 10, 10}, 2);
        // turns 0, 1, then 2, 0
        assertEquals(1, s.turns(2));
        assertEquals(1, s.turns(0));
        assertEquals(0, s.turns(1));
        s.takeTurns(new int[] {10, 10, 10}, 3);
        assertEquals(1, s.turns(0));
        assertEquals(1, s.turns(1));
        assertEquals(1, s.turns(2));
        assertEquals(1, s.served(0), "vif 1 was next");
    }

    @Test
    void whatTheLimitLeavesStaysListedInTurnOrder() {
        NetSchedule s = new NetSchedule();
        for (int v = 0; v < 3; v++) {
            s.add(v);
        }
        // rounds of 0, 1, 2 until vif 0 runs out after its 2nd, then 1, 2: the 7th turn is vif 1's 3rd
        s.takeTurns(new int[] {2, 9, 9}, 7);
        assertEquals(2, s.turns(0));
        assertEquals(3, s.turns(1));
        assertEquals(2, s.turns(2));
        assertFalse(s.listed(0));
        // vif 1 took the last turn: vif 2 is at the head
        s.takeTurns(new int[] {0, 6, 7}, 1);
        assertEquals(1, s.turns(2));
        assertEquals(0, s.turns(1));
    }
}
