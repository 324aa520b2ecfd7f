package io.github.cameltextme.examples.quarkus;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Drops the log records that carry a configuration error, such as the TextMe settings' or the port's: Quarkus prints
 * its message alone when the start fails on it, where Camel Quarkus would first log it again with a stack trace
 * ({@code CamelMainRuntime}'s "Failed to start application"). Every other failure is logged as before.
 */
@LoggingFilter(name = "configuration-error")
public final class ConfigurationErrorFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        for (Throwable cause = record.getThrown(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigurationException) {
                return false;
            }
        }
        return true;
    }
}
