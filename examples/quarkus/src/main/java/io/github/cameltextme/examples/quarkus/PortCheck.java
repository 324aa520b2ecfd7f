package io.github.cameltextme.examples.quarkus;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * Binds the HTTP port once at start-up, before Quarkus opens it, and lets it go: a taken port then stops the start
 * with one sentence naming the settings that change it, where Quarkus would say only that the port seems in use.
 */
@Singleton
public class PortCheck {

    void onStart(@Observes StartupEvent start, Config config) {
        String host = config.getValue("quarkus.http.host", String.class);
        int port = config.getValue(LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port",
                                   Integer.class);
        requireFree(host, port);
    }

    /**
     * Returns when {@code host:port} can be bound (port 0 always can).
     *
     * @throws ConfigurationException when it cannot: Quarkus prints its message alone, and exits with status 1
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
            throw new ConfigurationException("The OTP service cannot listen on " + host + ":" + port + ", the port is"
                                             + " taken: set OTP_SERVICE_PORT (or QUARKUS_HTTP_PORT) to a free port.");
        }
    }
}
