package io.github.cameltextme.examples.springboot;

/** The answer of {@code POST /otp/verify}. */
public record VerifyResponse(boolean valid) {
}
