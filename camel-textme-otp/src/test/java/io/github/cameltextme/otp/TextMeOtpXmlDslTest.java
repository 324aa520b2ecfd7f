package io.github.cameltextme.otp;

/**
 * The component in routes written in the XML DSL (camel-xml-io-dsl), loaded from the classpath.
 */
class TextMeOtpXmlDslTest extends TextMeOtpDslRoutesTestSupport {

    @Override
    String routesResource() {
        return "classpath:routes/otp.camel.xml";
    }
}
