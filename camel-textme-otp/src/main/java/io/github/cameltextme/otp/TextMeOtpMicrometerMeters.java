package io.github.cameltextme.otp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A component's meters in the application's Micrometer registry. Every counter and timer is registered when the meters
 * are bound and kept in arrays, so that recording an exchange is an array read and an increment. Tags hold only values
 * from fixed sets: no phone, code, client key or token, and no status TextMe does not document.
 * <ul>
 * <li>{@code textme.otp.exchanges}, a counter tagged {@code operation}, {@code outcome}, {@code limit} (the limit that
 * refused, else {@code none}) and {@code status} (TextMe's status of an API error, else {@code none});</li>
 * <li>{@code textme.otp.round.trip}, a timer of the calls to TextMe tagged {@code operation} (send, validate,
 * balance);</li>
 * <li>the gauges {@code textme.otp.connections.leased}, {@code .pending} and {@code .available}, {@code textme.otp.readiness}
 * and {@code textme.otp.limit.store.down}, tagged {@code camelContext} (the CamelContext's name, as Camel's own meters
 * tag it) and {@code component} (the component's name in it).</li>
 * </ul>
 * Counters and timers are shared by the components that register the same ones in one registry, and stay there. Each
 * gauge reads one component's state, so the meters remove at close only the gauges they registered themselves.
 */
final class TextMeOtpMicrometerMeters implements TextMeOtpMeters {

    /** The name Camel binds its metrics registry under (camel-micrometer's {@code MicrometerConstants}). */
    static final String CAMEL_METRICS_REGISTRY = "metricsRegistry";
    static final String EXCHANGES = "textme.otp.exchanges";
    static final String ROUND_TRIP = "textme.otp.round.trip";
    static final String CONNECTIONS_LEASED = "textme.otp.connections.leased";
    static final String CONNECTIONS_PENDING = "textme.otp.connections.pending";
    static final String CONNECTIONS_AVAILABLE = "textme.otp.connections.available";
    static final String READINESS = "textme.otp.readiness";
    static final String LIMIT_STORE_DOWN = "textme.otp.limit.store.down";
    static final String NONE_TAG = "none";
    /** The tag Camel's own meters name the CamelContext with (camel-micrometer's {@code MicrometerConstants}). */
    static final String CAMEL_CONTEXT_TAG = "camelContext";
    static final String BALANCE = "balance";

    private static final int OPERATIONS = TextMeOtpOperation.values().length;
    private static final Logger LOG = LoggerFactory.getLogger(TextMeOtpMicrometerMeters.class);
    /** Held while a gauge's presence is checked and it is registered, so that two components never both own one. */
    private static final Object GAUGE_REGISTRATION = new Object();

    private final MeterRegistry registry;
    /** [operation][outcome]: the outcomes with neither a limit nor a status; null where the operation never ends so. */
    private final Counter[][] outcomes = new Counter[OPERATIONS][TextMeOtpOutcome.values().length];
    /** [operation][limit]; null where the limit never counts the operation. */
    private final Counter[][] refusals = new Counter[OPERATIONS][TextMeOtpLimit.values().length];
    /** [operation][documented status index, then other]; null for 12 on validate, which is the outcome invalid. */
    private final Counter[][] apiErrors = new Counter[OPERATIONS][TextMeOtpStatus.DOCUMENTED_FAILURES.length + 1];
    /** [operation], then the balance call. */
    private final Timer[] roundTrips = new Timer[OPERATIONS + 1];
    private final List<Meter> gauges = new ArrayList<>();
    private boolean gaugesTakenLogged;

    private TextMeOtpMicrometerMeters(MeterRegistry registry, TextMeOtpComponent component) {
        this.registry = registry;
        for (TextMeOtpOperation operation : TextMeOtpOperation.values()) {
            int op = operation.ordinal();
            for (TextMeOtpOutcome outcome : TextMeOtpOutcome.values()) {
                if (endsWith(operation, outcome)) {
                    outcomes[op][outcome.ordinal()] = counter(operation, outcome, NONE_TAG, NONE_TAG);
                }
            }
            for (TextMeOtpLimit limit : TextMeOtpLimit.values()) {
                if (counts(limit) == operation) {
                    refusals[op][limit.ordinal()] = counter(operation, TextMeOtpOutcome.REFUSED,
                                                            limit.name().toLowerCase(Locale.ROOT), NONE_TAG);
                }
            }
            for (int i = 0; i < apiErrors[op].length; i++) {
                if (isApiError(operation, i)) {
                    apiErrors[op][i] = counter(operation, TextMeOtpOutcome.API_ERROR, NONE_TAG,
                                               TextMeOtpStatus.documentedName(i));
                }
            }
            roundTrips[op] = timer(operation.name(), component.isRoundTripHistogram());
        }
        roundTrips[OPERATIONS] = timer(BALANCE, component.isRoundTripHistogram());
        Tags owner = Tags.of(CAMEL_CONTEXT_TAG, component.getCamelContext().getName(),
                             "component", componentName(component));
        gauge(CONNECTIONS_LEASED, "Connections to TextMe in use now", owner, component,
              c -> TextMeOtpConnectionPools.totals(c).getLeased());
        gauge(CONNECTIONS_PENDING, "Calls waiting for a connection to TextMe now", owner, component,
              c -> TextMeOtpConnectionPools.totals(c).getPending());
        gauge(CONNECTIONS_AVAILABLE, "Idle connections to TextMe kept open now", owner, component,
              c -> TextMeOtpConnectionPools.totals(c).getAvailable());
        gauge(READINESS, "1 when the last balance call of the readiness checks succeeded, 0 when it failed", owner,
              component.getBalanceChecks(), TextMeOtpBalanceChecks::lastOutcome);
        gauge(LIMIT_STORE_DOWN, "1 while the shared limit store is known to be unreachable, else 0", owner, component,
              c -> c.isLimitStoreDown() ? 1 : 0);
    }

    /**
     * The meters of a component in the registry of its CamelContext: the one Camel binds as {@code metricsRegistry}
     * (Camel Main's {@code camel.metrics}), else the only {@code MeterRegistry} there (Spring Boot's, Quarkus's).
     *
     * @return the meters, or {@link TextMeOtpMeters#NONE} when there is no registry
     */
    static TextMeOtpMeters bind(TextMeOtpComponent component) {
        Registry beans = component.getCamelContext().getRegistry();
        MeterRegistry registry = beans.lookupByNameAndType(CAMEL_METRICS_REGISTRY, MeterRegistry.class);
        if (registry == null) {
            registry = beans.findSingleByType(MeterRegistry.class);
        }
        return registry == null ? NONE : new TextMeOtpMicrometerMeters(registry, component);
    }

    @Override
    public void exchange(TextMeOtpOperation operation, TextMeOtpOutcome outcome) {
        outcomes[operation.ordinal()][outcome.ordinal()].increment();
    }

    @Override
    public void refused(TextMeOtpOperation operation, TextMeOtpLimit limit) {
        refusals[operation.ordinal()][limit.ordinal()].increment();
    }

    @Override
    public void apiError(TextMeOtpOperation operation, int status) {
        apiErrors[operation.ordinal()][TextMeOtpStatus.documentedIndex(status)].increment();
    }

    @Override
    public void roundTrip(TextMeOtpOperation operation, long nanos) {
        roundTrips[operation == null ? OPERATIONS : operation.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        gauges.forEach(registry::remove);
        gauges.clear();
    }

    /** Whether an exchange of the operation can end with an outcome that has neither a limit nor a status. */
    private static boolean endsWith(TextMeOtpOperation operation, TextMeOtpOutcome outcome) {
        return switch (outcome) {
            case SENT -> operation == TextMeOtpOperation.send;
            case VALID, INVALID -> operation == TextMeOtpOperation.validate;
            case BAD_INPUT, TRANSPORT_ERROR, STORE_ERROR, UNEXPECTED_ERROR -> true;
            case REFUSED, API_ERROR -> false;
        };
    }

    /** Whether TextMe's status at an index of the documented ones is an API error of the operation. */
    private static boolean isApiError(TextMeOtpOperation operation, int statusIndex) {
        // 12 on validate is a code not accepted: the outcome invalid
        return operation != TextMeOtpOperation.validate
               || statusIndex != TextMeOtpStatus.documentedIndex(TextMeOtpStatus.INVALID_CODE);
    }

    /** The operation a limit counts. */
    private static TextMeOtpOperation counts(TextMeOtpLimit limit) {
        return switch (limit) {
            case RESEND_INTERVAL, PHONE_SENDS, CLIENT_SENDS, ACCOUNT_SENDS -> TextMeOtpOperation.send;
            case FAILED_VALIDATIONS, CLIENT_VALIDATIONS -> TextMeOtpOperation.validate;
        };
    }

    /** The component's name in its CamelContext, {@code textme-otp} unless it was added under another. */
    private static String componentName(TextMeOtpComponent component) {
        CamelContext context = component.getCamelContext();
        for (String name : context.getComponentNames()) {
            if (context.hasComponent(name) == component) {
                return name;
            }
        }
        return "textme-otp";
    }

    private Counter counter(TextMeOtpOperation operation, TextMeOtpOutcome outcome, String limit, String status) {
        return Counter.builder(EXCHANGES)
                .description("Exchanges of the textme-otp endpoints, by what they ended with")
                .tag("operation", operation.name())
                .tag("outcome", outcome.tag())
                .tag("limit", limit)
                .tag("status", status)
                .register(registry);
    }

    private Timer timer(String operation, boolean histogram) {
        return Timer.builder(ROUND_TRIP)
                .description("Calls to TextMe, from the request sent to the answer read or the failure")
                .tag("operation", operation)
                .publishPercentileHistogram(histogram)
                .register(registry);
    }

    /**
     * Registers a gauge of this component's state, and keeps it for removal at close, unless one of the same name and
     * tags is there already: that one reads another component's state (same CamelContext and component names), stays
     * its own, and this component's state goes unshown, which is logged once.
     */
    private <T> void gauge(String name, String description, Tags owner, T state, ToDoubleFunction<T> value) {
        synchronized (GAUGE_REGISTRATION) {
            if (registry.find(name).tags(owner).gauge() == null) {
                gauges.add(Gauge.builder(name, state, value).description(description).tags(owner).register(registry));
                return;
            }
        }
        if (!gaugesTakenLogged) {
            gaugesTakenLogged = true;
            LOG.warn("The textme-otp gauges tagged {} are another component's already (a CamelContext of the same name"
                     + " shares the registry): this component's pool, readiness and limit store are not shown; give the"
                     + " CamelContexts different names", owner);
        }
    }
}
