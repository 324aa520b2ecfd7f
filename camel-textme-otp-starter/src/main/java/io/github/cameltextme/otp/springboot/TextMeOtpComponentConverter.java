package io.github.cameltextme.otp.springboot;

import java.util.Set;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the bean options of {@code camel.component.textme-otp.*} ({@code ssl-context-parameters} and
 * {@code limit-store}) from a reference to a bean of the application context, {@code #bean:name} or {@code #name}, as
 * Camel's own starters do. The bean must exist and be of the option's type, or the application does not start; a
 * value that is not a reference is refused too, rather than silently leaving the option unset.
 * <p>
 * Registered by {@link TextMeOtpComponentAutoConfiguration}. Spring Boot applies {@link ConfigurationPropertiesBinding}
 * converters unless the application defines its own {@code conversionService} bean.
 */
public class TextMeOtpComponentConverter implements GenericConverter {

    private static final String BEAN_PREFIX = "#bean:";

    private final ApplicationContext applicationContext;

    public TextMeOtpComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, SSLContextParameters.class),
                      new ConvertiblePair(String.class, ProxyManager.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString().strip();
        String name;
        if (reference.startsWith(BEAN_PREFIX)) {
            name = reference.substring(BEAN_PREFIX.length());
        } else if (reference.startsWith("#")) {
            name = reference.substring(1);
        } else {
            name = "";
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException(
                    "expected a reference to a bean of type " + targetType.getType().getName()
                                               + ", #bean:name or #name, but got '" + reference + "'");
        }
        return applicationContext.getBean(name, targetType.getType());
    }
}
