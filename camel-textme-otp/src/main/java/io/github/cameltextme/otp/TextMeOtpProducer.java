package io.github.cameltextme.otp;

import java.util.function.Function;

import io.github.cameltextme.otp.client.TextMeOtpApiClient;
import io.github.cameltextme.otp.limit.EndpointLimiter;
import io.github.cameltextme.otp.limit.Reservation;
import io.github.cameltextme.otp.model.ApiRequest;
import io.github.cameltextme.otp.model.ApiResponse;
import io.github.cameltextme.otp.model.SendOtpRequest;
import io.github.cameltextme.otp.model.ValidateOtpRequest;
import io.github.cameltextme.otp.util.Masking;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an OTP or validates a code: builds the request from the message, takes its places in the endpoint's limits,
 * makes exactly one API call (never a retry), and turns TextMe's answer into a {@link TextMeOtpResult} body and
 * headers, or a typed exception. It counts the outcomes on its endpoint (JMX) and in its component's meters, and
 * registers a readiness check with Camel's producer health checks, which shares its account's balance calls.
 */
public class TextMeOtpProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(TextMeOtpProducer.class);
    /** The headers of an answer; those of an earlier call are removed, so that they never describe this one. */
    private static final String[] ANSWER_HEADERS = {
            TextMeOtpConstants.STATUS, TextMeOtpConstants.MESSAGE, TextMeOtpConstants.VALID,
            TextMeOtpConstants.SHIPMENT_ID };

    private final TextMeOtpConfiguration configuration;
    private final TextMeOtpRequestFactory requests;
    private final TextMeOtpOutcomeRecorder outcomes;
    private WritableHealthCheckRepository healthChecks;
    private TextMeOtpProducerHealthCheck healthCheck;
    private TextMeOtpAccountBalanceCheck accountBalanceCheck;

    public TextMeOtpProducer(TextMeOtpEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.requests = new TextMeOtpRequestFactory(configuration);
        this.outcomes = endpoint.getOutcomes();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        healthChecks = HealthCheckHelper.getHealthCheckRepository(
                getEndpoint().getCamelContext(), "producers", WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            TextMeOtpBalanceChecks balanceChecks = getEndpoint().getComponent().getBalanceChecks();
            accountBalanceCheck = balanceChecks.register(getEndpoint());
            healthCheck = new TextMeOtpProducerHealthCheck(getEndpoint(), balanceChecks, accountBalanceCheck);
            healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthChecks.addHealthCheck(healthCheck);
            if (healthCheck.isEnabled() && healthChecks.isEnabled()) {
                // the first balance call starts now, so that readiness does not wait for the first probe
                balanceChecks.want(accountBalanceCheck);
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
            getEndpoint().getComponent().getBalanceChecks().unregister(getEndpoint(), accountBalanceCheck);
        }
        accountBalanceCheck = null;
        healthCheck = null;
        healthChecks = null;
        super.doStop();
    }

    @Override
    public TextMeOtpEndpoint getEndpoint() {
        return (TextMeOtpEndpoint) super.getEndpoint();
    }

    /**
     * Every failure is a {@link TextMeOtpException}: one that is not (a bug, or a message value that throws when read)
     * becomes a transport failure that may have reached TextMe, since nothing proves the request was not sent, and so
     * no retry recipe resends it. What the exchange ended with is recorded once, here.
     */
    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        TextMeOtpOperation operation = configuration.getOperation();
        TextMeOtpResult result;
        try {
            for (String header : ANSWER_HEADERS) {
                message.removeHeader(header);
            }
            result = switch (operation) {
                case send -> send(message);
                case validate -> validate(message);
            };
        } catch (TextMeOtpException e) {
            outcomes.failed(e);
            throw e;
        } catch (RuntimeException e) {
            outcomes.failed(e);
            throw TextMeOtpTransportException.unexpected(operation, e);
        }
        outcomes.answered(result);
    }

    private TextMeOtpResult send(Message message) {
        SendOtpRequest request = requests.sendRequest(message);
        Reservation reservation = reserve(limiter -> limiter.reserveSend(
                request.phone(), request.appId(), message.getHeader(TextMeOtpConstants.CLIENT_KEY, String.class)));
        ApiResponse response = call(request, request.phone(), reservation);
        String apiMessage = Masking.scrub(response.message(), request.phone(), configuration.getApiToken());
        if (response.status() != TextMeOtpStatus.SUCCESS) {
            // TextMe sent no SMS: the send does not count against the limits
            throw reservation.givenBackAfter(apiFailure(response.status(), apiMessage));
        }
        return writeResult(message, new TextMeOtpResult(TextMeOtpOperation.send, response.status(), apiMessage, null,
                                                        response.shipmentId(), request.phone()));
    }

    private TextMeOtpResult validate(Message message) {
        try {
            ValidateOtpRequest request = requests.validateRequest(message);
            Reservation reservation = reserve(limiter -> limiter.reserveValidation(
                    request.phone(), request.appId(), message.getHeader(TextMeOtpConstants.CLIENT_KEY, String.class)));
            ApiResponse response = call(request, request.phone(), reservation);
            int status = response.status();
            String apiMessage = Masking.scrub(response.message(), request.phone(), configuration.getApiToken(),
                                              request.code());
            boolean valid = status == TextMeOtpStatus.SUCCESS;
            boolean invalid = status == TextMeOtpStatus.INVALID_CODE;
            if (!valid && !invalid) {
                throw reservation.givenBackAfter(apiFailure(status, apiMessage));
            }
            if (valid) {
                clearWrongCodes(reservation);
            }
            if (invalid && configuration.isThrowOnInvalidCode()) {
                throw new TextMeOtpInvalidCodeException(apiMessage);
            }
            return writeResult(message, new TextMeOtpResult(TextMeOtpOperation.validate, status, apiMessage, valid,
                                                            null, request.phone()));
        } finally {
            message.removeHeader(TextMeOtpConstants.CODE);
        }
    }

    /** Takes the exchange's places in the endpoint's limits. */
    private Reservation reserve(Function<EndpointLimiter, Reservation> reservation) {
        if (!configuration.isLimitsEnabled()) {
            return Reservation.none();
        }
        Reservation taken = reservation.apply(getEndpoint().startedLimiter().orElseThrow(this::notStarted));
        if (taken.countedInMemory()) {
            outcomes.countedInMemory();
        }
        return taken;
    }

    /**
     * A valid code clears the count of wrong codes. The code is spent by now, so a store failure does not fail the
     * exchange: it is logged, and the count simply runs out with its window.
     */
    private void clearWrongCodes(Reservation reservation) {
        try {
            reservation.clearWrongCodes();
        } catch (TextMeOtpLimitStoreException e) {
            LOG.warn("A valid code could not clear the count of wrong codes: {}", e.getMessage());
        }
    }

    /**
     * The one API call of the exchange, timed; a request that certainly never left gives its places back.
     */
    private ApiResponse call(ApiRequest request, String phone, Reservation reservation) {
        ApiResponse response;
        try {
            TextMeOtpApiClient client = getEndpoint().startedApiClient().orElseThrow(this::notStarted);
            long start = System.nanoTime();
            try {
                response = client.execute(request);
            } finally {
                long nanos = System.nanoTime() - start;
                getEndpoint().getComponent().meters().roundTrip(configuration.getOperation(), nanos);
            }
        } catch (TextMeOtpTransportException e) {
            throw e.mayHaveReachedServer() ? e : reservation.givenBackAfter(e);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("TextMe {} for {} answered status {}", request.apiCommand(), Masking.phone(phone),
                      response.status());
        }
        return response;
    }

    private TextMeOtpTransportException notStarted() {
        return TextMeOtpTransportException.endpointNotStarted(configuration.getOperation());
    }

    /** The exception that reports TextMe's failure status. */
    private TextMeOtpApiException apiFailure(int status, String apiMessage) {
        if (TextMeOtpStatus.isAuthenticationFailure(status)) {
            return new TextMeOtpAuthenticationException(configuration.getOperation(), status, apiMessage);
        }
        return new TextMeOtpApiException(configuration.getOperation(), status, apiMessage);
    }

    /** Writes the result into the message: the body, and the answer's headers. */
    private static TextMeOtpResult writeResult(Message message, TextMeOtpResult result) {
        message.setHeader(TextMeOtpConstants.STATUS, result.getStatus());
        message.setHeader(TextMeOtpConstants.MESSAGE, result.getMessage());
        if (result.getValid() != null) {
            message.setHeader(TextMeOtpConstants.VALID, result.getValid());
        }
        if (result.getShipmentId() != null) {
            message.setHeader(TextMeOtpConstants.SHIPMENT_ID, result.getShipmentId());
        }
        message.setBody(result);
        return result;
    }
}
