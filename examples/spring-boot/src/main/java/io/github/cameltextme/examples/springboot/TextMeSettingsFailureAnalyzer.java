package io.github.cameltextme.examples.springboot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns incomplete TextMe settings into Spring Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
public class TextMeSettingsFailureAnalyzer extends AbstractFailureAnalyzer<TextMeSettings.IncompleteTextMeSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TextMeSettings.IncompleteTextMeSettingsException cause) {
        return new FailureAnalysis(cause.getMessage() + ".",
                "Set the missing settings (TEXTME_USERNAME, TEXTME_API_TOKEN, TEXTME_SOURCE) to use the TextMe API, or"
                + " remove every TextMe setting to run on the embedded simulator.", cause);
    }
}
