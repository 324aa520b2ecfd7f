package io.github.cameltextme.examples.springboot;

/** The body of {@code POST /otp/verify}: {@code {"phone": "052-123-4567", "code": "123456"}}. */
public record VerifyRequest(String phone, String code) {
}
