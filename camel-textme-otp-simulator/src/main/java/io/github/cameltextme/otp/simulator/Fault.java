package io.github.cameltextme.otp.simulator;

import java.time.Duration;

/** A misbehaviour the API shows instead of (or, for a delay, before) its normal answer. */
sealed interface Fault {

    /** Answer with this HTTP status and a short text body; the request is not processed. */
    record HttpError(int httpStatus) implements Fault {
    }

    /** Process the request normally and answer after {@code delay}. */
    record Delay(Duration delay) implements Fault {
    }

    /** Answer HTTP 200 with this API failure status, as TextMe refuses a request; the request is not processed. */
    record ApiRefusal(int status) implements Fault {
    }

    /** Answer HTTP 200 with a truncated JSON body; the request is not processed. */
    record MalformedBody() implements Fault {
    }

    /** Close the connection without answering; the request is not processed. */
    record DroppedConnection() implements Fault {
    }
}
