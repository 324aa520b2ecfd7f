package io.github.cameltextme.examples.springboot;

/** The body of {@code POST /otp/send}: {@code {"phone": "052-123-4567"}}. */
public record SendRequest(String phone) {
}
