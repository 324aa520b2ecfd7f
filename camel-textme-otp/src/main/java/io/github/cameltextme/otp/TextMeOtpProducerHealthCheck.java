package io.github.cameltextme.otp;

import java.util.Map;

import io.github.cameltextme.otp.model.ApiResponse;
import io.github.cameltextme.otp.model.ApiUser;
import io.github.cameltextme.otp.model.BalanceRequest;
import io.github.cameltextme.otp.util.Masking;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a {@code textme-otp} producer: asks TextMe for the account's balance, which proves that TextMe is
 * reachable and accepts the username and token, without sending an SMS. Camel runs producer checks only when they are
 * enabled ({@code camel.health.producersEnabled=true}).
 */
final class TextMeOtpProducerHealthCheck extends AbstractHealthCheck {

    /** The detail holding TextMe's status when it refused the balance call. */
    static final String STATUS_DETAIL = "textme.status";

    private final TextMeOtpEndpoint endpoint;
    private final BalanceRequest probe;

    TextMeOtpProducerHealthCheck(TextMeOtpEndpoint endpoint) {
        super("camel", "producer:textme-otp-" + endpoint.getId());
        this.endpoint = endpoint;
        this.probe = new BalanceRequest(new ApiUser(endpoint.getConfiguration().getUsername()));
    }

    @Override
    public boolean isLiveness() {
        // TextMe being away does not make this application broken; it makes it not ready
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            ApiResponse answer = endpoint.startedApiClient()
                    .orElseThrow(() -> TextMeOtpTransportException.endpointNotStarted(null))
                    .execute(probe);
            if (answer.status() == TextMeOtpStatus.SUCCESS) {
                builder.up();
                return;
            }
            String apiMessage = Masking.scrub(answer.message(), null, endpoint.getConfiguration().getApiToken());
            builder.detail(STATUS_DETAIL, answer.status());
            builder.message("TextMe refused the balance call with status " + answer.status() + ": " + apiMessage);
            builder.down();
        } catch (TextMeOtpTransportException e) {
            builder.error(e);
            builder.message(e.getMessage());
            builder.down();
        }
    }
}
