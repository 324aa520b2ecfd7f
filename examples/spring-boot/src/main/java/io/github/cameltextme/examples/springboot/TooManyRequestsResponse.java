package io.github.cameltextme.examples.springboot;

/**
 * The body of a 429 answer: {@code {"error": "too many requests (RESEND_INTERVAL), try again in 30 s",
 * "retryAfterSeconds": 30}}, the wait also in the {@code Retry-After} header. It names the limit, never the phone nor the
 * caller.
 */
public record TooManyRequestsResponse(String error, long retryAfterSeconds) {
}
