package dev.llamatrace.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Fails startup when a llamatrace switch ({@code llamatrace.enabled} or any {@code llamatrace.**.enabled}) holds
 * anything but {@code true} or {@code false}.
 *
 * <p>The switches are read by {@code @ConditionalOnBooleanProperty}, which takes every value other than {@code true}
 * for {@code false}: {@code llamatrace.enabled=maybe} (or {@code 2}, or {@code yes}) would start the application with
 * llamatrace silently off. Nothing binds the master switch when it is off, so the check runs on the environment,
 * before any condition is evaluated, and reports through {@link InvalidLlamaTracePropertyException} like every other
 * bad value.
 */
public final class LlamaTraceSwitchValidator implements EnvironmentPostProcessor, Ordered {

    private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of(LlamaTraceProperties.PREFIX);

    private static final String SWITCH = "enabled";

    @Override
    public int getOrder() {
        // After application.properties/yml and profiles are loaded.
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        for (ConfigurationPropertyName name : switches(environment)) {
            binder.bind(name, Bindable.of(String.class)).ifBound((value) -> {
                String normalized = value.trim().toLowerCase(Locale.ROOT);
                if (!normalized.equals("true") && !normalized.equals("false")) {
                    throw new InvalidLlamaTracePropertyException(name.toString(), value, "true or false");
                }
            });
        }
    }

    private static Set<ConfigurationPropertyName> switches(ConfigurableEnvironment environment) {
        Set<ConfigurationPropertyName> names = new LinkedHashSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.filter(PREFIX::isAncestorOf).stream()
                        .filter((name) -> name.getLastElement(ConfigurationPropertyName.Form.UNIFORM)
                                .equals(SWITCH))
                        .forEach(names::add);
            }
        }
        return names;
    }
}
