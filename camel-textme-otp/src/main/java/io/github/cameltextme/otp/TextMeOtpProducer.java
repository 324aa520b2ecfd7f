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
    private final TextMeOtpCounters counters;
    private WritableHealthCheckRepository healthChecks;
    private TextMeOtpProducerHealthCheck healthCheck;
    private TextMeOtpAccountBalanceCheck accountBalanceCheck;

    public TextMeOtpProducer(TextMeOtpEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.requests = new TextMeOtpRequestFactory(configuration);
        this.counters = endpoint.getCounters();
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
     * no retry recipe resends it.
     */
    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        TextMeOtpOperation operation = configuration.getOperation();
        TextMeOtpMeters meters = getEndpoint().getComponent().meters();
        try {
            for (String header : ANSWER_HEADERS) {
                message.removeHeader(header);
            }
            switch (operation) {
                case send -> send(message, meters);
                case validate -> validate(message, meters);
            }
        } catch (TextMeOtpValidationException e) {
            meters.exchange(operation, TextMeOtpOutcome.BAD_INPUT);
            throw e;
        } catch (TextMeOtpException e) {
            throw e;
        } catch (RuntimeException e) {
            counters.recordTransportError();
            meters.exchange(operation, TextMeOtpOutcome.TRANSPORT_ERROR);
            throw TextMeOtpTransportException.unexpected(operation, e);
        }
    }

    private void send(Message message, TextMeOtpMeters meters) {
        SendOtpRequest request = requests.sendRequest(message);
        Reservation reservation = reserve(meters, limiter -> limiter.reserveSend(
                request.phone(), request.appId(), message.getHeader(TextMeOtpConstants.CLIENT_KEY, String.class)));
        ApiResponse response = call(meters, request, request.phone(), reservation);
        String apiMessage = Masking.scrub(response.message(), request.phone(), configuration.getApiToken());
        if (response.status() != TextMeOtpStatus.SUCCESS) {
            // TextMe sent no SMS: the send does not count against the limits
            throw reservation.givenBackAfter(recordApiFailure(meters, response.status(), apiMessage));
        }
        counters.recordSent();
        meters.exchange(TextMeOtpOperation.send, TextMeOtpOutcome.SENT);
        writeResult(message, new TextMeOtpResult(TextMeOtpOperation.send, response.status(), apiMessage, null,
                                                 response.shipmentId(), request.phone()));
    }

    private void validate(Message message, TextMeOtpMeters meters) {
        try {
            ValidateOtpRequest request = requests.validateRequest(message);
            Reservation reservation = reserve(meters, limiter -> limiter.reserveValidation(
                    request.phone(), request.appId(), message.getHeader(TextMeOtpConstants.CLIENT_KEY, String.class)));
            ApiResponse response = call(meters, request, request.phone(), reservation);
            int status = response.status();
            String apiMessage = Masking.scrub(response.message(), request.phone(), configuration.getApiToken(),
                                              request.code());
            boolean valid = status == TextMeOtpStatus.SUCCESS;
            boolean invalid = status == TextMeOtpStatus.INVALID_CODE;
            if (!valid && !invalid) {
                throw reservation.givenBackAfter(recordApiFailure(meters, status, apiMessage));
            }
            if (valid) {
                counters.recordValid();
                meters.exchange(TextMeOtpOperation.validate, TextMeOtpOutcome.VALID);
                clearWrongCodes(reservation);
            } else {
                counters.recordInvalid();
                meters.exchange(TextMeOtpOperation.validate, TextMeOtpOutcome.INVALID);
            }
            if (invalid && configuration.isThrowOnInvalidCode()) {
                throw new TextMeOtpInvalidCodeException(apiMessage);
            }
            writeResult(message, new TextMeOtpResult(TextMeOtpOperation.validate, status, apiMessage, valid, null,
                                                     request.phone()));
        } finally {
            message.removeHeader(TextMeOtpConstants.CODE);
        }
    }

    /** Takes the exchange's places in the endpoint's limits, counting a refusal or a failure of the store. */
    private Reservation reserve(TextMeOtpMeters meters, Function<EndpointLimiter, Reservation> reservation) {
        if (!configuration.isLimitsEnabled()) {
            return Reservation.none();
        }
        EndpointLimiter limiter = getEndpoint().startedLimiter().orElseThrow(this::notStarted);
        try {
            Reservation taken = reservation.apply(limiter);
            if (taken.countedInMemory()) {
                counters.recordLimitFallback();
            }
            return taken;
        } catch (TextMeOtpRateLimitException e) {
            counters.recordLimitRefusal(e.getLimit());
            meters.refused(configuration.getOperation(), e.getLimit());
            throw e;
        } catch (TextMeOtpLimitStoreException e) {
            counters.recordLimitStoreError();
            meters.exchange(configuration.getOperation(), TextMeOtpOutcome.STORE_ERROR);
            throw e;
        }
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
    private ApiResponse call(TextMeOtpMeters meters, ApiRequest request, String phone, Reservation reservation) {
        ApiResponse response;
        try {
            TextMeOtpApiClient client = getEndpoint().startedApiClient().orElseThrow(this::notStarted);
            long start = System.nanoTime();
            try {
                response = client.execute(request);
            } finally {
                meters.roundTrip(configuration.getOperation(), System.nanoTime() - start);
            }
        } catch (TextMeOtpTransportException e) {
            counters.recordTransportError();
            meters.exchange(configuration.getOperation(), TextMeOtpOutcome.TRANSPORT_ERROR);
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

    /** Counts TextMe's failure status and returns the exception that reports it. */
    private TextMeOtpApiException recordApiFailure(TextMeOtpMeters meters, int status, String apiMessage) {
        counters.recordApiError(status);
        meters.apiError(configuration.getOperation(), status);
        if (TextMeOtpStatus.isAuthenticationFailure(status)) {
            return new TextMeOtpAuthenticationException(configuration.getOperation(), status, apiMessage);
        }
        return new TextMeOtpApiException(configuration.getOperation(), status, apiMessage);
    }

    /** Writes the result into the message: the body, and the answer's headers. */
    private static void writeResult(Message message, TextMeOtpResult result) {
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
