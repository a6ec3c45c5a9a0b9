package dev.lectern.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The provider's slots go by place in the queue, then by turn (queued order as the driver takes the runs, else first
 * come); a 429 hold gives none until it has passed.
 */
class ProviderSlotsTest {
    private static final Duration NOW = Duration.ZERO;
    private final QueueOrder order = new QueueOrder();
    private final ProviderSlots slots = new ProviderSlots(1, order);

    @Test
    void runsTakenInQueuedOrderGetTheirSlotsInThatOrderWhoeverAsksFirst() throws Exception {
        ProviderSlots.Ticket running = slots.enqueue("r0");
        assertThat(slots.await(running, NOW)).isTrue();
        order.turn("a"); // the driver picks a, then b: their threads then race to the provider
        order.turn("b");
        ProviderSlots.Ticket b = slots.enqueue("b");
        ProviderSlots.Ticket a = slots.enqueue("a");
        slots.release();
        assertThat(slots.await(b, NOW)).as("b asked first, but a was queued first").isFalse();
        assertThat(slots.await(a, NOW)).isTrue();
        slots.release();
        assertThat(slots.await(b, NOW)).isTrue();

        ProviderSlots.Ticket c = slots.enqueue("c");
        ProviderSlots.Ticket again = slots.enqueue("a"); // a, served before, back in line after a 429: behind c
        slots.release();
        assertThat(slots.await(again, NOW)).isFalse();
        assertThat(slots.await(c, NOW)).isTrue();
    }

    @Test
    void aFreeSlotGoesToTheHighestPlaceThenToTheFirstToAsk() throws Exception {
        ProviderSlots.Ticket running = slots.enqueue("r0");
        assertThat(slots.await(running, NOW)).isTrue();
        ProviderSlots.Ticket first = slots.enqueue("r1");
        ProviderSlots.Ticket second = slots.enqueue("r2");
        ProviderSlots.Ticket third = slots.enqueue("r3");
        assertThat(slots.await(first, Duration.ofMillis(20))).as("no slot is free").isFalse();

        order.put(List.of("r3"), 1); // moved to the front while waiting
        slots.release();
        assertThat(slots.await(first, NOW)).as("r3 is ahead of r1").isFalse();
        assertThat(slots.await(third, NOW)).isTrue();
        slots.release();
        assertThat(slots.await(second, NOW)).as("r1 asked first").isFalse();
        assertThat(slots.await(first, NOW)).isTrue();
    }

    @Test
    void aWaiterThatLeavesNoLongerHoldsUpTheOthers() throws Exception {
        ProviderSlots.Ticket gone = slots.enqueue("r1");
        ProviderSlots.Ticket next = slots.enqueue("r2");
        assertThat(slots.await(next, NOW)).isFalse();
        slots.leave(gone);
        assertThat(slots.await(next, NOW)).isTrue();
        assertThat(slots.inUse()).isEqualTo(1);
    }

    @Test
    void aHoldGivesNoSlotUntilItHasPassed() throws Exception {
        slots.holdFor(Duration.ofMillis(300));
        ProviderSlots.Ticket t = slots.enqueue("r1");
        long start = System.nanoTime();
        assertThat(slots.await(t, Duration.ofMillis(100))).as("held").isFalse();
        assertThat(slots.heldFor()).isPositive();
        assertThat(slots.await(t, Duration.ofSeconds(5))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
        slots.holdFor(Duration.ofSeconds(10));
        slots.holdFor(Duration.ofMillis(1));
        assertThat(slots.heldFor()).as("a shorter hold does not shorten a longer one").isGreaterThan(Duration.ofSeconds(9));
    }
}
