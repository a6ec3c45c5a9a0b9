package dev.lectern.app.cli;

import com.google.inject.ImplementedBy;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where a command reads a key the person gives it: a masked prompt at a terminal, else one line of stdin (so
 * {@code pass show openai | lectern providers add ...} works). Never an argument: those end up in shell histories and
 * process lists.
 */
@ImplementedBy(SecretInput.Terminal.class)
public interface SecretInput {
    /** The text given, or null when there was none (end of input). */
    String read(String prompt);

    final class Terminal implements SecretInput {
        @Override
        public String read(String prompt) {
            Console console = System.console();
            if (console != null) {
                char[] typed = console.readPassword("%s", prompt);
                return typed == null ? null : new String(typed);
            }
            try {
                return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the key from stdin", e);
            }
        }
    }
}
