package dev.lectern.ui.review;

/** The author's answer in the review dialog. Closing the window gives no answer: the run keeps waiting. */
public enum ReviewChoice {
    ACCEPT, REJECT, REGENERATE_AGAIN
}
