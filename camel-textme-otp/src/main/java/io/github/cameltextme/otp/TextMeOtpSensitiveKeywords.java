package io.github.cameltextme.otp;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ContextServicePlugin;

/**
 * Registers with every CamelContext, as it is built, the names whose values Camel must mask wherever it prints them:
 * the token option (e.g. in Camel Main's start-up summaries) and the code header (in logs and traces when Camel's log
 * mask is on). Registering this early means log steps created before the component masks them too.
 */
public final class TextMeOtpSensitiveKeywords implements ContextServicePlugin {

    /** The keywords, lower case, as Camel compares them. */
    static final List<String> KEYWORDS = List.of("apitoken", "cameltextmeotpcode");

    @Override
    public void load(CamelContext context) {
        register(context);
    }

    /** Adds the keywords that the context's additional sensitive keywords do not hold yet. */
    static void register(CamelContext context) {
        if (context == null) {
            return;
        }
        String keywords = context.getCamelContextExtension().getAdditionalSensitiveKeywords();
        StringBuilder registered = new StringBuilder(keywords == null ? "" : keywords.strip());
        Set<String> present = Arrays.stream(registered.toString().toLowerCase(Locale.ROOT).split(","))
                .map(String::strip).collect(Collectors.toSet());
        for (String keyword : KEYWORDS) {
            if (!present.contains(keyword)) {
                registered.append(registered.isEmpty() ? "" : ",").append(keyword);
            }
        }
        context.getCamelContextExtension().setAdditionalSensitiveKeywords(registered.toString());
    }
}
