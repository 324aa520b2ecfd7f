package io.github.cameltextme.examples.springboot;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Which TextMe settings the environment gives: the properties of the account ({@code camel.component.textme-otp.}
 * {@code username}, {@code api-token}, {@code source}, {@code base-url}), from application.yaml's {@code TEXTME_*}
 * variables or any other property source, read as Spring Boot binds them. Given none, the application runs on the
 * {@link EmbeddedSimulatorConfiguration embedded simulator}; given any, it talks to the TextMe API, which needs the
 * username, the API token and the source. Only the names are kept, never a value.
 */
final class TextMeSettings {

    static final String PREFIX = "camel.component.textme-otp.";
    private static final List<String> ALL = List.of("username", "api-token", "source", "base-url");
    private static final List<String> REQUIRED = List.of("username", "api-token", "source");

    private final List<String> given;

    private TextMeSettings(List<String> given) {
        this.given = given;
    }

    static TextMeSettings of(Environment environment) {
        Binder binder = Binder.get(environment);
        return new TextMeSettings(ALL.stream()
                .filter(name -> !binder.bind(PREFIX + name, String.class).orElse("").isBlank())
                .toList());
    }

    /** Whether no TextMe setting is given: the embedded simulator's case. */
    boolean noneGiven() {
        return given.isEmpty();
    }

    /** The required settings not given, as property names. */
    List<String> missing() {
        return REQUIRED.stream().filter(name -> !given.contains(name)).map(name -> PREFIX + name).toList();
    }

    /**
     * Throws when some settings are given but not all the TextMe API needs, so that a secret that failed to load stops
     * the start instead of sending the application to the simulator.
     */
    void requireComplete() {
        if (!noneGiven() && !missing().isEmpty()) {
            throw new IncompleteTextMeSettingsException(
                    given.stream().map(name -> PREFIX + name).collect(Collectors.joining(", ")),
                    String.join(", ", missing()));
        }
    }

    /** Some TextMe settings are given, not all the API needs. */
    static final class IncompleteTextMeSettingsException extends IllegalStateException {

        IncompleteTextMeSettingsException(String given, String missing) {
            super("TextMe is only partly configured: " + given + " set, but " + missing + " missing");
        }
    }
}
