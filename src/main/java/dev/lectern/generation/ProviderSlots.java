package dev.lectern.generation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One provider's slots (its concurrency), given to the waiting run with the highest place in the queue, then to the
 * one that asked first — not to whichever thread a semaphore wakes, so "move to front" means what it says. After a
 * 429 the provider is held: no slot is given until its Retry-After has passed, so a storm slows the whole queue.
 */
final class ProviderSlots {
    /** A run waiting for a slot. */
    static final class Ticket {
        private final String runId;
        private final long number;

        private Ticket(String runId, long number) {
            this.runId = runId;
            this.number = number;
        }
    }

    private final int limit;
    private final QueueOrder order;
    private final List<Ticket> waiting = new ArrayList<>();
    private int inUse;
    private long heldUntilNanos = System.nanoTime();

    ProviderSlots(int limit, QueueOrder order) {
        this.limit = limit;
        this.order = order;
    }

    synchronized Ticket enqueue(String runId) {
        Ticket t = new Ticket(runId, order.turn(runId));
        waiting.add(t);
        notifyAll(); // a newcomer may go before the one a free slot is waiting for
        return t;
    }

    /** Waits up to {@code max} for a slot; true when {@code ticket} has one (and is no longer waiting). */
    synchronized boolean await(Ticket ticket, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (true) {
            long now = System.nanoTime();
            if (inUse < limit && now - heldUntilNanos >= 0 && next() == ticket) {
                waiting.remove(ticket);
                order.served(ticket.runId);
                inUse++;
                notifyAll(); // a second free slot goes to the next in line
                return true;
            }
            long left = end - now;
            if (left <= 0) {
                return false;
            }
            long untilHoldEnds = heldUntilNanos - now;
            long sleep = untilHoldEnds > 0 ? Math.min(left, untilHoldEnds) : left;
            wait(Math.max(1, sleep / 1_000_000), 0);
        }
    }

    /** A waiter that gave up (cancelled, or held by a pause). */
    synchronized void leave(Ticket ticket) {
        if (waiting.remove(ticket)) {
            notifyAll();
        }
    }

    synchronized void release() {
        inUse--;
        notifyAll();
    }

    /** No slot is given for {@code wait} from now (a longer hold already in place stands). */
    synchronized void holdFor(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        if (until - heldUntilNanos > 0) {
            heldUntilNanos = until;
        }
    }

    /** How long the provider is still held after a 429; zero when it is not. */
    synchronized Duration heldFor() {
        long left = heldUntilNanos - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** Places changed (a move to front): the next free slot goes by the new order. */
    synchronized void reorder() {
        notifyAll();
    }

    synchronized int inUse() {
        return inUse;
    }

    private Ticket next() {
        Ticket best = null;
        int bestPlace = Integer.MIN_VALUE;
        for (Ticket t : waiting) {
            int place = order.place(t.runId);
            if (best == null || place > bestPlace || (place == bestPlace && t.number < best.number)) {
                best = t;
                bestPlace = place;
            }
        }
        return best;
    }
}
