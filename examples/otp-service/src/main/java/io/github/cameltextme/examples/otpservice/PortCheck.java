package io.github.cameltextme.examples.otpservice;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Binds the HTTP port once before anything starts, and lets it go: Camel Main's HTTP server (platform-http on Vert.x)
 * only logs a port it cannot bind and carries on, so that the service would run its walk-through against whatever
 * program holds the port, then claim to serve while serving nothing.
 */
final class PortCheck {

    private PortCheck() {
    }

    /**
     * Returns when {@code host:port} can be bound (port 0 always can).
     *
     * @throws PortTakenException when it cannot: another program holds the port
     */
    static void requireFree(String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            // as Vert.x binds: a port whose last connections linger in TIME_WAIT counts as free
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new PortTakenException(host, port);
        }
    }

    /** The port cannot be bound; the message names the setting that changes it. */
    static final class PortTakenException extends IllegalStateException {

        PortTakenException(String host, int port) {
            super("The OTP service cannot listen on " + host + ":" + port + ", the port is taken: set OTP_SERVICE_PORT"
                  + " to a free port.");
        }
    }
}
