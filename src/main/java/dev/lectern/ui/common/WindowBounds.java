package dev.lectern.ui.common;

/** Where the main window was: its normal (not maximised) bounds, and whether it was maximised. */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
}
