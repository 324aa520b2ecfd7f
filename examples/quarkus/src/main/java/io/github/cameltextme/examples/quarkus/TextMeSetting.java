package io.github.cameltextme.examples.quarkus;

import java.util.List;

/**
 * The settings that say which TextMe the example talks to, each a Quarkus configuration property that an environment
 * variable sets (Quarkus maps {@code TEXTME_API_TOKEN} to {@code textme.api-token}). Given none, the example runs on
 * the embedded simulator; given any, it talks to the TextMe API, which needs the username, the API token and the
 * sender.
 */
enum TextMeSetting {

    USERNAME("TEXTME_USERNAME", "textme.username"),
    API_TOKEN("TEXTME_API_TOKEN", "textme.api-token"),
    SOURCE("TEXTME_SOURCE", "textme.source"),
    BASE_URL("TEXTME_BASE_URL", "textme.base-url");

    /** What the TextMe API cannot do without. */
    static final List<TextMeSetting> REQUIRED = List.of(USERNAME, API_TOKEN, SOURCE);

    private final String variable;
    private final String property;

    TextMeSetting(String variable, String property) {
        this.variable = variable;
        this.property = property;
    }

    /** The Quarkus configuration property, e.g. {@code textme.username}. */
    String property() {
        return property;
    }

    /** Both names, as the messages give them: {@code TEXTME_USERNAME (textme.username)}. */
    String names() {
        return variable + " (" + property + ")";
    }
}
