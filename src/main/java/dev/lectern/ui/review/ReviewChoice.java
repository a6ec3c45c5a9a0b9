package dev.lectern.ui.review;

/** The author's answer in the review dialog. Closing the window gives no answer: the run keeps waiting. */
public enum ReviewChoice {
    ACCEPT, REJECT, REGENERATE_AGAIN,
    /** Every image of this run's batch still waiting for review, this one included, accepted (after asking). */
    ACCEPT_ALL_REMAINING,
    /** Every image of this run's batch still waiting for review, this one included, rejected (after asking). */
    REJECT_ALL_REMAINING
}
