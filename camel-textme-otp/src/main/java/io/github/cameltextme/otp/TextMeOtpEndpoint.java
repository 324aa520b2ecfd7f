package io.github.cameltextme.otp;

import java.net.URI;
import java.util.Map;

import io.github.cameltextme.otp.client.TextMeOtpApiClient;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.hc.core5.util.Timeout;

/**
 * Send SMS one-time passwords and validate the codes users type, through the TextMe API (Israel).
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "textme-otp", title = "TextMe OTP", syntax = "textme-otp:operation",
             producerOnly = true, category = { Category.CLOUD, Category.API, Category.MOBILE },
             headersClass = TextMeOtpConstants.class)
public class TextMeOtpEndpoint extends DefaultEndpoint {

    @UriParam
    private TextMeOtpConfiguration configuration;

    private HttpEndpoint httpEndpoint;
    private volatile TextMeOtpApiClient apiClient;

    public TextMeOtpEndpoint(String endpointUri, TextMeOtpComponent component, TextMeOtpConfiguration configuration) {
        super(endpointUri, component);
        this.configuration = configuration;
    }

    @Override
    public TextMeOtpComponent getComponent() {
        return (TextMeOtpComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new TextMeOtpProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("textme-otp endpoints only send: use them in to(...)");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        String apiUrl = configuration.apiUrl();
        Timeout connectTimeout = Timeout.ofMilliseconds(configuration.getConnectTimeout());
        httpEndpoint = getComponent().createHttpEndpoint(apiUrl, Map.of(
                "connectTimeout", connectTimeout,
                "connectionRequestTimeout", connectTimeout,
                "responseTimeout", Timeout.ofMilliseconds(configuration.getResponseTimeout())));
        ServiceHelper.startService(httpEndpoint);
        apiClient = new TextMeOtpApiClient(httpEndpoint.getHttpClient(), URI.create(apiUrl), configuration.getApiToken());
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(httpEndpoint);
        httpEndpoint = null;
        apiClient = null;
        super.doStop();
    }

    /** The options of this endpoint. */
    public TextMeOtpConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TextMeOtpConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The API client of the started endpoint. */
    TextMeOtpApiClient getApiClient() {
        TextMeOtpApiClient client = apiClient;
        if (client == null) {
            throw new IllegalStateException("The endpoint " + this + " is not started");
        }
        return client;
    }

    /** The camel-http endpoint whose HttpClient carries the calls, while started. */
    HttpEndpoint getHttpEndpoint() {
        return httpEndpoint;
    }
}
