package io.github.cameltextme.otp;

/**
 * The component in routes written in the YAML DSL (camel-yaml-dsl), loaded from the classpath.
 */
class TextMeOtpYamlDslTest extends TextMeOtpDslRoutesTestSupport {

    @Override
    String routesResource() {
        return "classpath:routes/otp.camel.yaml";
    }
}
