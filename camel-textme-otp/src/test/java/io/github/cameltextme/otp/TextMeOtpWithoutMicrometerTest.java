package io.github.cameltextme.otp;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Micrometer is an optional dependency: on a classpath without it, as an application that does not use it has, the
 * component is configured, starts, sends and stops.
 */
class TextMeOtpWithoutMicrometerTest extends TextMeOtpTestSupport {

    @Test
    void theComponentSendsOnAClasspathWithoutMicrometer() throws Exception {
        textMeAnswers("{\"status\":0,\"message\":\"sent\"}");
        List<URL> withoutMicrometer = new ArrayList<>();
        String[] classpath = System.getProperty("java.class.path").split(File.pathSeparator);
        for (String entry : classpath) {
            if (!entry.contains("micrometer")) {
                withoutMicrometer.add(new File(entry).toURI().toURL());
            }
        }
        assertTrue(withoutMicrometer.size() < classpath.length, "the test classpath has Micrometer to leave out");

        try (URLClassLoader loader = new URLClassLoader(withoutMicrometer.toArray(URL[]::new),
                                                        ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class,
                         () -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, loader));
            // Camel finds its services through the thread's context class loader
            Thread thread = Thread.currentThread();
            ClassLoader testLoader = thread.getContextClassLoader();
            Object answer;
            thread.setContextClassLoader(loader);
            try {
                answer = loader.loadClass(SendWithoutMicrometer.class.getName())
                        .getMethod("send", String.class).invoke(null, apiUrl());
            } finally {
                thread.setContextClassLoader(testLoader);
            }

            assertEquals("0 roundTripHistogram", answer);
        }
        assertEquals(1, requests().size(), "the send reached TextMe");
    }

    /** Loaded by the class loader without Micrometer: a context with the component, one send. */
    public static final class SendWithoutMicrometer {

        private SendWithoutMicrometer() {
        }

        /** Sends once; returns TextMe's status and, when the configurer set it, the name of the histogram option. */
        public static String send(String apiUrl) throws Exception {
            DefaultCamelContext camel = new DefaultCamelContext(false);
            // its services and plugins from this class loader, not the system one that has Micrometer
            camel.setApplicationContextClassLoader(SendWithoutMicrometer.class.getClassLoader());
            camel.build();
            try (CamelContext context = camel) {
                TextMeOtpComponent textMe = new TextMeOtpComponent();
                textMe.getConfiguration().setUsername(USERNAME);
                textMe.getConfiguration().setApiToken(TOKEN);
                textMe.getConfiguration().setSource(SOURCE);
                textMe.getConfiguration().setBaseUrl(apiUrl);
                // every option is set as Camel Main and Spring Boot set it, through the generated configurer
                new TextMeOtpComponentConfigurer().configure(context, textMe, "roundTripHistogram", "true", false);
                context.addComponent("textme-otp", textMe);
                context.start();
                TextMeOtpResult result = context.createProducerTemplate()
                        .requestBody("textme-otp:send?limitsEnabled=false", PHONE, TextMeOtpResult.class);
                TextMeOtpComponent component = context.getComponent("textme-otp", TextMeOtpComponent.class);
                assertFalse(component.meters() instanceof TextMeOtpMicrometerMeters);
                return result.getStatus() + (component.isRoundTripHistogram() ? " roundTripHistogram" : "");
            }
        }
    }
}
