package io.github.cameltextme.otp;

import java.util.Locale;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The {@code textme-otp} component: {@code textme-otp:send} sends an SMS one-time password, {@code textme-otp:validate}
 * checks the code the user typed. Options set here are the defaults of every endpoint; endpoint options override them.
 */
@Component("textme-otp")
public class TextMeOtpComponent extends DefaultComponent {

    /** Property names Camel must mask wherever it prints configuration, e.g. Camel Main's start-up summaries. */
    static final String SENSITIVE_KEYWORDS = "apitoken";
    /** The User-Agent of every request to TextMe. */
    static final String USER_AGENT = "camel-textme-otp";

    @Metadata(label = "advanced",
              description = "The options shared by all endpoints of this component; each endpoint may override them.")
    private TextMeOtpConfiguration configuration = new TextMeOtpConfiguration();

    /**
     * A private camel-http component that carries the API calls, so that the user's own http/https components are
     * neither used nor changed. It gives each endpoint a pooled HttpClient with the endpoint's timeouts and the JVM's
     * default TLS trust; on top of camel-http's defaults: no automatic retries (a repeated send_otp can send a second
     * SMS and a repeated validate_otp spends a try), no redirects (they would carry the token elsewhere) and no
     * cookies.
     */
    private final HttpComponent httpComponent = newHttpComponent();

    public TextMeOtpComponent() {
    }

    public TextMeOtpComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected TextMeOtpEndpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
            throws Exception {
        TextMeOtpConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setOperation(TextMeOtpOperation.fromUriPath(remaining));
        TextMeOtpEndpoint endpoint = new TextMeOtpEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        TextMeOtpInputRules.checkEndpointOptions(endpointConfiguration);
        return endpoint;
    }

    @Override
    public void setCamelContext(CamelContext context) {
        super.setCamelContext(context);
        registerSensitiveKeywords(context);
        httpComponent.setCamelContext(context);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ServiceHelper.startService(httpComponent);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(httpComponent);
        super.doStop();
    }

    /** A camel-http endpoint for the API URL, whose HttpClient carries the TextMe calls of one endpoint. */
    HttpEndpoint createHttpEndpoint(String apiUrl, Map<String, Object> httpOptions) throws Exception {
        return (HttpEndpoint) httpComponent.createEndpoint(apiUrl, httpOptions);
    }

    public TextMeOtpConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TextMeOtpConfiguration configuration) {
        this.configuration = configuration;
    }

    private static HttpComponent newHttpComponent() {
        HttpComponent http = new HttpComponent();
        http.setAutomaticRetriesDisabled(true);
        http.setRedirectHandlingDisabled(true);
        http.setCookieManagementDisabled(true);
        http.setUserAgent(USER_AGENT);
        return http;
    }

    private static void registerSensitiveKeywords(CamelContext context) {
        if (context == null) {
            return;
        }
        String keywords = context.getCamelContextExtension().getAdditionalSensitiveKeywords();
        if (keywords == null || keywords.isBlank()) {
            context.getCamelContextExtension().setAdditionalSensitiveKeywords(SENSITIVE_KEYWORDS);
        } else if (!keywords.toLowerCase(Locale.ROOT).contains(SENSITIVE_KEYWORDS)) {
            context.getCamelContextExtension().setAdditionalSensitiveKeywords(keywords + "," + SENSITIVE_KEYWORDS);
        }
    }
}
