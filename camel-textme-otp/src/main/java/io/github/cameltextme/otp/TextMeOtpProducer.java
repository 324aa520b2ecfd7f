package io.github.cameltextme.otp;

import io.github.cameltextme.otp.client.TextMeOtpApiClient;
import io.github.cameltextme.otp.model.ApiRequest;
import io.github.cameltextme.otp.model.ApiResponse;
import io.github.cameltextme.otp.model.SendOtpRequest;
import io.github.cameltextme.otp.model.ValidateOtpRequest;
import io.github.cameltextme.otp.util.Masking;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an OTP or validates a code: builds the request from the message, makes exactly one API call (never a retry),
 * and turns TextMe's answer into a {@link TextMeOtpResult} body and headers, or a typed exception.
 */
public class TextMeOtpProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(TextMeOtpProducer.class);
    /** The headers of an answer; those of an earlier call are removed, so that they never describe this one. */
    private static final String[] ANSWER_HEADERS = {
            TextMeOtpConstants.STATUS, TextMeOtpConstants.MESSAGE, TextMeOtpConstants.VALID,
            TextMeOtpConstants.SHIPMENT_ID };

    private final TextMeOtpConfiguration configuration;
    private final TextMeOtpRequestFactory requests;

    public TextMeOtpProducer(TextMeOtpEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.requests = new TextMeOtpRequestFactory(configuration);
    }

    @Override
    public TextMeOtpEndpoint getEndpoint() {
        return (TextMeOtpEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        for (String header : ANSWER_HEADERS) {
            message.removeHeader(header);
        }
        switch (configuration.getOperation()) {
            case send -> send(message);
            case validate -> validate(message);
        }
    }

    private void send(Message message) {
        SendOtpRequest request = requests.sendRequest(message);
        ApiResponse response = call(request);
        String apiMessage = Masking.scrub(response.message(), request.phone(), configuration.getApiToken());
        if (response.status() != TextMeOtpResult.SUCCESS_STATUS) {
            throw apiFailure(request, response.status(), apiMessage);
        }
        answer(message, new TextMeOtpResult(TextMeOtpOperation.send, response.status(), apiMessage, null,
                                            response.shipmentId(), request.phone()));
    }

    private void validate(Message message) {
        try {
            ValidateOtpRequest request = requests.validateRequest(message);
            ApiResponse response = call(request);
            int status = response.status();
            String apiMessage = Masking.scrub(response.message(), request.phone(), configuration.getApiToken(),
                                              request.code());
            boolean valid = status == TextMeOtpResult.SUCCESS_STATUS;
            boolean invalid = status == TextMeOtpResult.INVALID_CODE_STATUS;
            if (invalid && configuration.isThrowOnInvalidCode()) {
                throw new TextMeOtpInvalidCodeException(apiMessage);
            }
            if (!valid && !invalid) {
                throw apiFailure(request, status, apiMessage);
            }
            answer(message, new TextMeOtpResult(TextMeOtpOperation.validate, status, apiMessage, valid, null,
                                                request.phone()));
        } finally {
            message.removeHeader(TextMeOtpConstants.CODE);
        }
    }

    private ApiResponse call(ApiRequest request) {
        TextMeOtpApiClient client = getEndpoint().getApiClient();
        ApiResponse response = client.execute(request);
        if (LOG.isDebugEnabled()) {
            LOG.debug("TextMe {} for {} answered status {}", request.operation().apiCommand(),
                      Masking.phone(request.phone()), response.status());
        }
        return response;
    }

    private static TextMeOtpApiException apiFailure(ApiRequest request, int status, String apiMessage) {
        if (TextMeOtpAuthenticationException.isAuthenticationStatus(status)) {
            return new TextMeOtpAuthenticationException(request.operation(), status, apiMessage);
        }
        return new TextMeOtpApiException(request.operation(), status, apiMessage);
    }

    private static void answer(Message message, TextMeOtpResult result) {
        message.setHeader(TextMeOtpConstants.STATUS, result.getStatus());
        message.setHeader(TextMeOtpConstants.MESSAGE, result.getMessage());
        if (result.getValid() != null) {
            message.setHeader(TextMeOtpConstants.VALID, result.getValid());
        }
        if (result.getShipmentId() != null) {
            message.setHeader(TextMeOtpConstants.SHIPMENT_ID, result.getShipmentId());
        }
        message.setBody(result);
    }
}
