package io.github.cameltextme.examples.springboot;

/** The body of every error answer: {@code {"error": "<reason>"}}. */
public record ErrorResponse(String error) {
}
