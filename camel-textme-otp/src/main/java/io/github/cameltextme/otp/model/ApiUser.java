package io.github.cameltextme.otp.model;

/**
 * The {@code user} element every TextMe request carries; the API token travels in the Authorization header instead.
 */
public record ApiUser(String username) {
}
