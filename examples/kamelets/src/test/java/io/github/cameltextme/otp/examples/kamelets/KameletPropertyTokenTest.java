package io.github.cameltextme.otp.examples.kamelets;

import java.util.List;
import java.util.Optional;

import io.github.cameltextme.otp.TextMeOtpComponent;
import io.github.cameltextme.otp.simulator.TextMeSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A token with characters that mean something in a URI ({@code + / = & %}), given as a
 * {@code camel.kamelet.<name>.apiToken} property, reaches TextMe unchanged: the Kamelet passes it to the component as
 * a secret option, which the YAML DSL wraps in RAW(). So does it through the example route file, whose Kamelets take
 * it from that property.
 */
class KameletPropertyTokenTest {

    private static final String TOKEN = "tk+a/b=c&d%25e";

    @Test
    void aTokenWithUriCharactersReachesTextMeUnchanged() throws Exception {
        try (TextMeSimulator sim = TextMeSimulator.builder().account("demo", TOKEN).start();
             CamelContext context = new DefaultCamelContext()) {
            PropertiesComponent properties = context.getPropertiesComponent();
            String prefix = "camel.kamelet." + KameletTestSupport.SEND_KAMELET + ".";
            properties.addInitialProperty(prefix + "username", "demo");
            properties.addInitialProperty(prefix + "apiToken", TOKEN);
            properties.addInitialProperty(prefix + "source", KameletTestSupport.SOURCE);
            context.getComponent("textme-otp", TextMeOtpComponent.class).getConfiguration().setBaseUrl(sim.apiUrl());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to("kamelet:" + KameletTestSupport.SEND_KAMELET);
                }
            });
            context.start();

            context.createProducerTemplate().requestBody("direct:send", "{\"phone\": \"0521234567\"}");

            assertEquals(Optional.of("Bearer " + TOKEN), sim.requests().get(0).header("Authorization"));
            assertEquals(1, sim.messages().size());
        }
    }

    @Test
    void theRouteFilePassesATokenWithUriCharactersUnchanged() throws Exception {
        try (TextMeSimulator sim = TextMeSimulator.builder().account("demo", TOKEN).start();
             CamelContext context = new DefaultCamelContext()) {
            PropertiesComponent properties = context.getPropertiesComponent();
            properties.addInitialProperty("textme.username", "demo");
            properties.addInitialProperty("textme.api-token", TOKEN);
            properties.addInitialProperty("textme.source", KameletTestSupport.SOURCE);
            OtpWithKameletsRouteTest.tokenAsKameletProperties(context);
            context.getComponent("textme-otp", TextMeOtpComponent.class).getConfiguration().setBaseUrl(sim.apiUrl());
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, "classpath:routes/otp-with-kamelets.camel.yaml"));
            context.start();

            context.createProducerTemplate().requestBody("direct:request-otp", "{\"phone\": \"0521234567\"}");
            String valid = context.createProducerTemplate().requestBody(
                    "direct:verify-otp", "{\"phone\": \"0521234567\", \"code\": \"" + sim.lastCode("0521234567") + "\"}",
                    String.class);

            assertEquals(List.of(Optional.of("Bearer " + TOKEN), Optional.of("Bearer " + TOKEN)),
                         sim.requests().stream().map(request -> request.header("Authorization")).toList());
            assertEquals("{\"valid\": true}", valid);
        }
    }
}
