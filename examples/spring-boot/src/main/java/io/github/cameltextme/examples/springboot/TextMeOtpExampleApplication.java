package io.github.cameltextme.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Phone verification over HTTP: {@code POST /otp/send} texts a one-time code to a phone, {@code POST /otp/verify}
 * checks the code the user typed. The routes are in {@link OtpRoutes}; with no TextMe setting given the
 * {@link EmbeddedSimulatorConfiguration embedded simulator} stands in for TextMe.
 */
@SpringBootApplication
public class TextMeOtpExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(TextMeOtpExampleApplication.class, args);
    }
}
