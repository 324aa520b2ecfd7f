package io.github.cameltextme.otp;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a {@code textme-otp} producer: whether TextMe answered the account's last balance call, which proves
 * that TextMe is reachable and accepts the username and token, without sending an SMS. It answers at once with the last
 * known outcome; the balance calls are made in the background, at most one per account per
 * {@code balanceCheckInterval} ({@link TextMeOtpBalanceChecks}). Camel runs producer checks only when they are enabled
 * ({@code camel.health.producersEnabled=true}).
 */
final class TextMeOtpProducerHealthCheck extends AbstractHealthCheck {

    /** The detail holding TextMe's status when it refused the balance call. */
    static final String STATUS_DETAIL = "textme.status";

    private final TextMeOtpBalanceChecks balanceChecks;
    private final TextMeOtpAccountBalanceCheck account;

    TextMeOtpProducerHealthCheck(TextMeOtpEndpoint endpoint, TextMeOtpBalanceChecks balanceChecks,
                                 TextMeOtpAccountBalanceCheck account) {
        super("camel", "producer:textme-otp-" + endpoint.getId());
        this.balanceChecks = balanceChecks;
        this.account = account;
    }

    @Override
    public boolean isLiveness() {
        // TextMe being away does not make this application broken; it makes it not ready
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (!account.isScheduled()) {
            balanceChecks.want(account);
        }
        account.outcome().writeTo(builder);
    }
}
