package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StderrLoggingTest {

    @Test
    void warningsAndWorseGoToStderrInTheShortFormAndLessOnlyWhenAskedFor() {
        String warnOnly = logTwice(null);
        assertThat(warnOnly).isEqualTo("WARN HttpCalls: server busy" + System.lineSeparator());

        String debug = logTwice("DEBUG");
        assertThat(debug).contains("DEBUG HttpCalls: asking again").contains("WARN HttpCalls: server busy");
    }

    @Test
    void logbackFindsItWithoutAnyXml() {
        assertThat(StderrLogging.class.getClassLoader().getResource("logback.xml")).isNull();
        assertThat(((LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory())
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNotNull();
    }

    /** A fresh context configured the way Logback does at start-up, with {@code level} as the property. */
    private static String logTwice(String level) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String before = System.getProperty(StderrLogging.LEVEL_PROPERTY);
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            if (level == null) {
                System.clearProperty(StderrLogging.LEVEL_PROPERTY);
            } else {
                System.setProperty(StderrLogging.LEVEL_PROPERTY, level);
            }
            LoggerContext context = new LoggerContext();
            context.setMDCAdapter(new LogbackMDCAdapter());
            StderrLogging setup = new StderrLogging();
            setup.setContext(context);
            setup.configure(context);
            org.slf4j.Logger log = context.getLogger("dev.lectern.provider.HttpCalls");
            log.debug("asking again");
            log.warn("server busy");
            context.stop();
        } finally {
            System.setErr(original);
            if (before == null) {
                System.clearProperty(StderrLogging.LEVEL_PROPERTY);
            } else {
                System.setProperty(StderrLogging.LEVEL_PROPERTY, before);
            }
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
