package dev.lectern.lecture;

import java.time.Instant;

/** A timestamped status line of a run ("Starting image ready for review", an error, ...). */
public record RunMessage(Instant at, String text) {
}
