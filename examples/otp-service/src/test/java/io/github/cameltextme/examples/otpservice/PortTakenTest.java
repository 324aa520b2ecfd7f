package io.github.cameltextme.examples.otpservice;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The service started by its main class, in a JVM of its own, on a port another program holds: it says so in one
 * sentence naming {@code OTP_SERVICE_PORT} and exits with status 1, before its simulator or walk-through start, so
 * that no request of its reaches the program holding the port.
 */
class PortTakenTest {

    @Test
    void aTakenPortStopsTheStartWithOneSentenceAndNoRequestToTheHolder() throws Exception {
        try (ServerSocket holder = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            ServiceProcess.Exited exited = ServiceProcess.runUntilExit(Map.of(), holder.getLocalPort());

            assertEquals(1, exited.status(), exited.output());
            assertEquals("The OTP service cannot listen on 127.0.0.1:" + holder.getLocalPort() + ", the port is taken: set"
                         + " OTP_SERVICE_PORT to a free port.\n", exited.output());
            holder.setSoTimeout(1);
            assertThrows(SocketTimeoutException.class, holder::accept, "no connection reached the port's holder");
        }
    }
}
