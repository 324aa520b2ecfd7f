package io.github.cameltextme.otp.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local stand-in for the TextMe SMS OTP API with an SMS inbox, for tests and local development.
 *
 * <pre>{@code
 * try (TextMeSimulator sim = TextMeSimulator.start()) {
 *     // point the client at sim.apiUrl() with sim.username() / sim.token(), send an OTP, then:
 *     String code = sim.lastCode("0521234567");
 * }
 * }</pre>
 *
 * Serves {@code POST /api} and {@code POST /api/test} (dry run), the inbox page at {@code /} and the delivered
 * messages as JSON at {@code /messages}. Thread-safe.
 */
public final class TextMeSimulator implements AutoCloseable {

    /** Username of the default account. */
    public static final String DEFAULT_USERNAME = "demo";
    /** API token of the default account. */
    public static final String DEFAULT_TOKEN = "demo-token";
    /** How long one exchange may take unless {@link Builder#requestTimeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** How many SMS and API requests are kept unless {@link Builder#history(int)} says otherwise. */
    public static final int DEFAULT_HISTORY = 5_000;

    private final Accounts accounts;
    private final SimulatorClock clock;
    private final boolean ownsClock;
    private final OtpStore otpStore = new OtpStore();
    private final Inbox inbox;
    private final RequestLog requestLog;
    private final FaultQueue faults = new FaultQueue();
    private final ApiHandler apiHandler;
    private final SimulatorServer server;
    private final String baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TextMeSimulator(Builder builder) throws IOException {
        this.accounts = new Accounts(builder.accounts.isEmpty() ? Map.of(DEFAULT_USERNAME, DEFAULT_TOKEN) : builder.accounts);
        this.inbox = new Inbox(builder.history);
        this.requestLog = new RequestLog(builder.history);
        this.ownsClock = !(builder.clock instanceof SimulatorClock);
        this.clock = ownsClock ? SimulatorClock.following(builder.clock) : (SimulatorClock) builder.clock;
        Map<String, ApiCommand> commands = Map.of(
                "send_otp", new SendOtpCommand(otpStore, inbox, new SenderPolicy(builder.allowedSources), new OtpCodeGenerator(), clock),
                "validate_otp", new ValidateOtpCommand(otpStore, inbox, clock),
                "balance", new BalanceCommand());
        InboxHandler inboxHandler = new InboxHandler(inbox, clock);
        InetAddress address = InetAddress.getByName(builder.host);
        this.server = SimulatorServer.bind(new InetSocketAddress(address, builder.port), builder.requestTimeout);
        this.apiHandler = new ApiHandler(new ApiDispatcher(commands, accounts), requestLog, faults, clock,
                SimulatorThreads.namePrefix(server.port()));
        HostCheck hostCheck = new HostCheck(builder.host, address, server.port());
        server.start(new SimulatorRouter(apiHandler, inboxHandler, requestLog, hostCheck));
        String urlHost = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        this.baseUrl = "http://" + (urlHost.contains(":") ? "[" + urlHost + "]" : urlHost) + ":" + server.port();
    }

    /** Starts a simulator with the defaults: 127.0.0.1, a free port, account {@code demo} / {@code demo-token}. */
    public static TextMeSimulator start() {
        return builder().start();
    }

    /** A builder for a simulator with other settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** The API endpoint, {@code http://127.0.0.1:PORT/api}. */
    public String apiUrl() {
        return baseUrl + "/api";
    }

    /** The dry-run endpoint, {@code http://127.0.0.1:PORT/api/test}: same checks and answers, no effect. */
    public String testApiUrl() {
        return baseUrl + "/api/test";
    }

    /** The inbox web page, {@code http://127.0.0.1:PORT/}. */
    public String inboxUrl() {
        return baseUrl + "/";
    }

    /** The port the simulator listens on. */
    public int port() {
        return server.port();
    }

    /** The username of the first configured account. */
    public String username() {
        return accounts.firstUsername();
    }

    /** The API token of the first configured account. */
    public String token() {
        return accounts.firstToken();
    }

    /** The delivered SMS, newest first: the newest {@link Builder#history(int)} of them. */
    public List<SmsMessage> messages() {
        return inbox.messages();
    }

    /**
     * The code of the newest SMS sent to {@code phone}.
     *
     * @param phone {@code 05XXXXXXXX} or {@code 5XXXXXXXX}
     * @throws IllegalArgumentException if {@code phone} is in neither form
     * @throws NoSuchElementException if no SMS was sent to that phone
     */
    public String lastCode(String phone) {
        PhoneNumber number = PhoneNumber.parse(Objects.requireNonNull(phone, "phone"))
                .orElseThrow(() -> new IllegalArgumentException("not a phone in the API's forms (05XXXXXXXX or 5XXXXXXXX): " + phone));
        return inbox.newestTo(number)
                .map(SmsMessage::code)
                .orElseThrow(() -> new NoSuchElementException("no SMS was sent to " + number.national()
                        + " (the inbox holds " + inbox.messages().size() + " messages)"));
    }

    /**
     * The requests the API received since the start or the last clear, oldest first: the newest
     * {@link Builder#history(int)} of them, each with the first 4 KiB of its body and up to 8 KiB of its headers.
     */
    public List<RecordedRequest> requests() {
        return requestLog.requests();
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        requestLog.clear();
    }

    /** The clock that decides when codes expire; move it to test expiry. */
    public SimulatorClock clock() {
        return clock;
    }

    /** The next {@code count} API requests are answered with {@code httpStatus} (400-599) and not processed. */
    public void failNext(int count, int httpStatus) {
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("httpStatus must be an error status, 400-599, was " + httpStatus);
        }
        faults.add(new Fault.HttpError(httpStatus), count);
    }

    /** The next {@code count} API requests are processed normally, but answered only after {@code delay}. */
    public void delayNext(int count, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        faults.add(new Fault.Delay(delay), count);
    }

    /**
     * The next {@code count} API requests are answered HTTP 200 with the failure {@code status} (1 or more), as TextMe
     * refuses a request: 3 for wrong credentials, 4 for no credit, 515 for an unverified sender... They are not processed.
     */
    public void refuseNext(int count, int status) {
        if (status < 1) {
            throw new IllegalArgumentException("status must be a failure status, 1 or more, was " + status);
        }
        faults.add(new Fault.ApiRefusal(status), count);
    }

    /** The next {@code count} API requests get HTTP 200 with truncated JSON, <code>{"status":</code>, and are not processed. */
    public void answerMalformedNext(int count) {
        faults.add(new Fault.MalformedBody(), count);
    }

    /** The next {@code count} API requests get their connection closed without an answer and are not processed. */
    public void dropConnectionNext(int count) {
        faults.add(new Fault.DroppedConnection(), count);
    }

    /** How many injected faults are still waiting for API requests. */
    public int pendingFaults() {
        return faults.size();
    }

    /**
     * Forgets codes, messages, requests and pending faults. A clock the simulator created goes back to its base time;
     * a {@link SimulatorClock} given to the builder is left as it is.
     */
    public void reset() {
        faults.clear();
        otpStore.clear();
        inbox.clear();
        requestLog.clear();
        if (ownsClock) {
            clock.reset();
        }
    }

    /** Stops the server and its threads at once. Calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
            apiHandler.close();
        }
    }

    @Override
    public String toString() {
        return "TextMeSimulator[" + apiUrl() + "]";
    }

    /** Settings for a {@link TextMeSimulator}; {@link #start()} binds the port and starts serving. */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port;
        private final Map<String, String> accounts = new LinkedHashMap<>();
        private final Set<String> allowedSources = new LinkedHashSet<>();
        private Clock clock = Clock.systemUTC();
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int history = DEFAULT_HISTORY;

        private Builder() {
        }

        /** The address to bind, {@code 127.0.0.1} by default; {@code 0.0.0.0} serves other machines too. */
        public Builder host(String host) {
            this.host = requireText(host, "host");
            return this;
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0-65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Adds an account. Without any, the simulator has the single account {@code demo} / {@code demo-token}.
         * The first account added is the one {@link TextMeSimulator#username()} and {@link TextMeSimulator#token()} return.
         */
        public Builder account(String username, String token) {
            requireText(username, "username");
            requireText(token, "token");
            if (accounts.containsKey(username)) {
                throw new IllegalArgumentException("account " + username + " was already added");
            }
            accounts.put(username, token);
            return this;
        }

        /** Only these senders are verified (others get status 515); by default every well-formed sender is accepted. */
        public Builder allowedSources(String... sources) {
            for (String source : Arrays.asList(sources)) {
                if (source == null || !SenderPolicy.isWellFormed(source)) {
                    throw new IllegalArgumentException("not a well-formed source: " + source);
                }
                allowedSources.add(source);
            }
            return this;
        }

        /**
         * The time source for expiry and timestamps. A {@link SimulatorClock} is used as given (and left alone by
         * {@link TextMeSimulator#reset()}); any other clock is wrapped in a new {@link SimulatorClock} following it.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How long one exchange may take, from a worker taking up the connection to the end of the answer (default
         * 10 s); the connection of a client still sending its request then is closed, so slow or silent clients cannot
         * hold the server's eight worker threads. Idle keep-alive connections hold no worker and are not counted.
         */
        public Builder requestTimeout(Duration requestTimeout) {
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            if (requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
            }
            this.requestTimeout = requestTimeout;
            return this;
        }

        /**
         * How many of the newest SMS the inbox keeps, and how many of the newest API requests {@code requests()}
         * keeps (default 5,000 each); older ones are forgotten, so a long run stays in bounded memory.
         */
        public Builder history(int history) {
            if (history < 1) {
                throw new IllegalArgumentException("history must be at least 1, was " + history);
            }
            this.history = history;
            return this;
        }

        /** Starts the simulator. */
        public TextMeSimulator start() {
            try {
                return new TextMeSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the TextMe simulator on " + host + ":" + port, e);
            }
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
