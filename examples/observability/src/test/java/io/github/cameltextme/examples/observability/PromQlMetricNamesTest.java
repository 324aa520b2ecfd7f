package io.github.cameltextme.examples.observability;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The metric names read out of PromQL expressions, as the dashboard and rule tests need them. */
class PromQlMetricNamesTest {

    @Test
    void aSelectorWithLabelMatchersAndARange() {
        assertEquals(Set.of("textme_otp_exchanges_total"), PromQlMetricNames.in(
                "sum(increase(textme_otp_exchanges_total{outcome=\"refused\", limit=~\"client_sends|x{1}\"}[5m])) > 0"));
    }

    @Test
    void groupingClausesBeforeAndAfterTheirAggregation() {
        assertEquals(Set.of("a_seconds_sum", "a_seconds_count"), PromQlMetricNames.in(
                "sum by (operation, job) (rate(a_seconds_sum[5m])) / sum(rate(a_seconds_count[5m])) without (instance)"));
    }

    @Test
    void binaryOperatorsVectorMatchingAndNumbers() {
        assertEquals(Set.of("up", "b:recorded", "c"), PromQlMetricNames.in(
                "up == 0 and on (instance) group_left (job) b:recorded > 1e3 or c offset 5m > bool 0x1f unless up * Inf"));
    }
}
