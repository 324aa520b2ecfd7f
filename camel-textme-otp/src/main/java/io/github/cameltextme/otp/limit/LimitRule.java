package io.github.cameltextme.otp.limit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

import io.github.bucket4j.BandwidthBuilder.BandwidthBuilderBuildStage;
import io.github.bucket4j.BandwidthBuilder.BandwidthBuilderCapacityStage;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.cameltextme.otp.TextMeOtpLimit;

/**
 * Limits that count under one key, as an endpoint set them: one Bucket4j bucket with a bandwidth for each limit (so
 * that a place is taken in all of them at once), and the setting as it appears in the store key, so that endpoints
 * with the same setting count together and a changed setting starts new counts.
 *
 * @param limits  the limit of each bandwidth of the bucket, in the bucket's order
 * @param bucket  the bucket's configuration
 * @param setting the limits and their values, e.g. {@code phone:5/PT10M+resend:PT30S}
 */
record LimitRule(List<TextMeOtpLimit> limits, BucketConfiguration bucket, String setting) {

    /**
     * The limits of one phone: at most {@code count} sends in each {@code window}, and at least
     * {@code resendInterval} between two sends (a bandwidth of one token that takes the interval to come back); or
     * {@code null} when both are off. The count comes first, so that when both refuse, the longer wait is named.
     */
    static LimitRule perPhone(Duration resendInterval, int count, Duration window) {
        Builder rule = new Builder();
        if (count > 0) {
            rule.add(TextMeOtpLimit.PHONE_SENDS, "phone:" + count + "/" + window, countPerWindow(count, window));
        }
        if (!resendInterval.isZero()) {
            rule.add(TextMeOtpLimit.RESEND_INTERVAL, "resend:" + resendInterval,
                     b -> b.capacity(1).refillGreedy(1, resendInterval));
        }
        return rule.build();
    }

    /**
     * At most {@code count} in each window, or {@code null} when {@code count} is 0: the window starts with the first
     * counted exchange of a key, and the bucket fills up again whole when it has passed.
     */
    static LimitRule perWindow(TextMeOtpLimit limit, String name, int count, Duration window) {
        Builder rule = new Builder();
        if (count > 0) {
            rule.add(limit, name + ":" + count + "/" + window, countPerWindow(count, window));
        }
        return rule.build();
    }

    /** The limit that refused a place: the first whose bandwidth has the fewest tokens left. */
    TextMeOtpLimit refusing(long[] availableTokensPerBandwidth) {
        int emptiest = 0;
        for (int i = 1; i < limits.size(); i++) {
            if (availableTokensPerBandwidth[i] < availableTokensPerBandwidth[emptiest]) {
                emptiest = i;
            }
        }
        return limits.get(emptiest);
    }

    private static Function<BandwidthBuilderCapacityStage, BandwidthBuilderBuildStage> countPerWindow(
            int count, Duration window) {
        return b -> b.capacity(count).refillIntervally(count, window);
    }

    private static final class Builder {

        private final ConfigurationBuilder bucket = BucketConfiguration.builder();
        private final List<TextMeOtpLimit> limits = new ArrayList<>(2);
        private final StringJoiner setting = new StringJoiner("+");

        void add(TextMeOtpLimit limit, String limitSetting,
                 Function<BandwidthBuilderCapacityStage, BandwidthBuilderBuildStage> bandwidth) {
            bucket.addLimit(bandwidth);
            limits.add(limit);
            setting.add(limitSetting);
        }

        LimitRule build() {
            return limits.isEmpty() ? null : new LimitRule(List.copyOf(limits), bucket.build(), setting.toString());
        }
    }
}
