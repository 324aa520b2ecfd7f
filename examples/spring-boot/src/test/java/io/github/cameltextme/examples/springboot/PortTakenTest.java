package io.github.cameltextme.examples.springboot;

import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.PortInUseException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A port another program holds stops the start with Spring Boot's failure report, which names the setting that
 * changes it, and no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class PortTakenTest {

    @Test
    void aTakenPortStopsTheStartNamingServerPort(CapturedOutput output) throws Exception {
        try (ServerSocket holder = new ServerSocket(0)) {
            Throwable failure = assertThrows(Throwable.class, () -> new SpringApplicationBuilder(
                    TextMeOtpExampleApplication.class).run("--server.port=" + holder.getLocalPort(),
                                                           "--textme.limits.redis-url=").close());

            assertTrue(causes(failure).anyMatch(PortInUseException.class::isInstance), failure::toString);
            assertTrue(output.getAll().contains("APPLICATION FAILED TO START"), output.getAll());
            assertTrue(output.getAll().contains("Port " + holder.getLocalPort() + " is taken by another program."),
                       output.getAll());
            assertTrue(output.getAll().contains("Set SERVER_PORT to a free port."), output.getAll());
            assertFalse(output.getAll().contains("\tat "), "no stack trace: " + output.getAll());
            holder.setSoTimeout(1);
            assertThrows(SocketTimeoutException.class, holder::accept, "no connection reached the port's holder");
        }
    }

    @Test
    void startedAsUsersStartItOnATakenPortTheApplicationExitsWithANonZeroStatus() throws Exception {
        try (ServerSocket holder = new ServerSocket(0)) {
            ApplicationProcess.Ended ended = ApplicationProcess.runUntilItEnds(
                    "--server.port=" + holder.getLocalPort(), "--textme.limits.redis-url=");

            assertNotEquals(0, ended.status(), ended.output());
            assertTrue(ended.output().contains("Set SERVER_PORT to a free port."), ended.output());
            assertFalse(ended.output().contains("\tat "), "no stack trace: " + ended.output());
        }
    }

    private static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, cause -> cause != null, Throwable::getCause);
    }
}
