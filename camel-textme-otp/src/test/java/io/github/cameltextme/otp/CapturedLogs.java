package io.github.cameltextme.otp;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log event of every logger at TRACE, with the messages and stack traces of logged exceptions, until
 * closed.
 */
final class CapturedLogs implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext loggerContext = (LoggerContext) LogManager.getContext(false);
    private final LoggerConfig root = loggerContext.getConfiguration().getRootLogger();
    private final Level previousLevel = root.getLevel();
    private final AbstractAppender appender;

    private CapturedLogs() {
        appender = new AbstractAppender("captured-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder()
                        .append(event.getLevel()).append(' ')
                        .append(event.getLoggerName()).append(" - ")
                        .append(event.getMessage().getFormattedMessage());
                for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                    line.append(" | caused by ").append(t);
                }
                lines.add(line.toString());
            }
        };
        appender.start();
        root.addAppender(appender, Level.ALL, null);
        root.setLevel(Level.ALL);
        loggerContext.updateLoggers();
    }

    /** Starts capturing every logger at TRACE. */
    static CapturedLogs atTrace() {
        return new CapturedLogs();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** The captured lines that contain the text. */
    List<String> linesContaining(String text) {
        return lines.stream().filter(line -> line.contains(text)).toList();
    }

    @Override
    public void close() {
        root.removeAppender(appender.getName());
        root.setLevel(previousLevel);
        loggerContext.updateLoggers();
        appender.stop();
    }
}
