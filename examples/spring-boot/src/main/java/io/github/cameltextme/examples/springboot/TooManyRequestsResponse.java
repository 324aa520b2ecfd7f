package io.github.cameltextme.examples.springboot;

/**
 * The body of a 429 answer: {@code {"error": "too many requests, try again in 30 s", "retryAfterSeconds": 30}}, the wait
 * also in the {@code Retry-After} header. It names neither the limit that refused (the component's meters count it),
 * the phone nor the caller.
 */
public record TooManyRequestsResponse(String error, long retryAfterSeconds) {
}
