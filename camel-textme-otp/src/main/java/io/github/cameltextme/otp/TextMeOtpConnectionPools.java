package io.github.cameltextme.otp;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.camel.Endpoint;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.core5.pool.ConnPoolControl;
import org.apache.hc.core5.pool.PoolStats;

/**
 * The connections to TextMe of a component: those of the pools its started endpoints use, the shared pool and any
 * endpoint's own, each pool counted once.
 */
final class TextMeOtpConnectionPools {

    private TextMeOtpConnectionPools() {
    }

    /** The leased, pending, available and most connections of the component's pools together, read now. */
    static PoolStats totals(TextMeOtpComponent component) {
        Set<HttpClientConnectionManager> pools = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Endpoint endpoint : component.getCamelContext().getEndpoints()) {
            if (endpoint instanceof TextMeOtpEndpoint otp && otp.getComponent() == component) {
                HttpEndpoint http = otp.getHttpEndpoint();
                if (http != null && http.getClientConnectionManager() != null) {
                    pools.add(http.getClientConnectionManager());
                }
            }
        }
        int leased = 0;
        int pending = 0;
        int available = 0;
        int max = 0;
        for (HttpClientConnectionManager pool : pools) {
            if (pool instanceof ConnPoolControl<?> control) {
                PoolStats stats = control.getTotalStats();
                leased += stats.getLeased();
                pending += stats.getPending();
                available += stats.getAvailable();
                max += stats.getMax();
            }
        }
        return new PoolStats(leased, pending, available, max);
    }
}
