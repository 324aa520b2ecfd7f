package io.github.cameltextme.otp.simulator;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * JUnit 5 extension: one {@link TextMeSimulator} per test class (closed after the class), reset before each test.
 * It is injected into non-final fields of type {@code TextMeSimulator} (static or not) and into constructor, lifecycle and
 * test method parameters of that type. {@code @Nested} classes share their outer class's simulator.
 *
 * <pre>{@code
 * @ExtendWith(TextMeSimulatorExtension.class)
 * class OtpTest {
 *     TextMeSimulator sim;
 *
 *     @Test
 *     void sendsCode() { ... sim.lastCode("0521234567") ... }
 * }
 * }</pre>
 */
public final class TextMeSimulatorExtension
        implements BeforeAllCallback, TestInstancePostProcessor, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TextMeSimulatorExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        injectFields(context.getRequiredTestClass(), null, simulator(context));
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        injectFields(testInstance.getClass(), testInstance, simulator(context));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        simulator(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TextMeSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return simulator(extensionContext);
    }

    private static TextMeSimulator simulator(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(StoredSimulator.class, key -> new StoredSimulator(TextMeSimulator.start()), StoredSimulator.class)
                .simulator();
    }

    /**
     * Sets the non-final fields of type TextMeSimulator: static ones when {@code instance} is null, else the instance's.
     * Final fields are left to the test's own code (e.g. a constructor taking the simulator as parameter).
     */
    private static void injectFields(Class<?> testClass, Object instance, TextMeSimulator simulator) throws IllegalAccessException {
        Predicate<Field> wanted = field -> field.getType() == TextMeSimulator.class
                && !Modifier.isFinal(field.getModifiers())
                && Modifier.isStatic(field.getModifiers()) == (instance == null);
        for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (wanted.test(field)) {
                    field.setAccessible(true);
                    field.set(instance, simulator);
                }
            }
        }
    }

    /**
     * Closes the simulator when the class's store is closed. Implements the deprecated {@code CloseableResource} for
     * JUnit versions before 5.13, and {@link AutoCloseable}, which JUnit 5.13 and later use instead.
     */
    @SuppressWarnings("deprecation")
    private record StoredSimulator(TextMeSimulator simulator) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        @Override
        public void close() {
            simulator.close();
        }
    }
}
