package dev.llamatrace.autoconfigure;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.callback.CallbackEventHandler;
import dev.llamatrace.core.callback.CallbackHandler;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.span.SpanHandler;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Attaches every singleton {@link EventHandler}, {@link SpanHandler} and {@link CallbackHandler} bean to a dispatcher,
 * exactly once each: the root, or the one named by {@code llamatrace.handlers.dispatchers.<bean name>} or
 * {@link LlamaTraceHandler}. A callback handler listens through a {@link CallbackEventHandler}. Handlers are detached
 * when their bean is destroyed, and span handlers shut down as {@link Dispatcher#shutdown()} would (their open spans
 * dropped, then closed once), without touching handlers others attached to a shared registry.
 *
 * <p>Beans are attached as they are initialized (like Boot's meter and observation registry post-processors), so
 * lazily created handler beans are attached too; singletons registered without a definition are picked up once all
 * singletons exist. The registry is looked up lazily so it is not created before the other post-processors.
 */
final class LlamaTraceHandlerRegistrar
        implements DestructionAwareBeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware, DisposableBean {

    private static final Log logger = LogFactory.getLog(LlamaTraceHandlerRegistrar.class);

    private final ObjectProvider<DispatcherRegistry> registry;

    private final ObjectProvider<LlamaTraceProperties> properties;

    private final Map<Object, Attachment> attached = new IdentityHashMap<>();

    private @Nullable ConfigurableListableBeanFactory beanFactory;

    LlamaTraceHandlerRegistrar(
            ObjectProvider<DispatcherRegistry> registry, ObjectProvider<LlamaTraceProperties> properties) {
        this.registry = registry;
        this.properties = properties;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        if (beanFactory instanceof ConfigurableListableBeanFactory listable) {
            this.beanFactory = listable;
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (isHandler(bean) && isSingleton(beanName)) {
            attach(bean, beanName);
        }
        return bean;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ConfigurableListableBeanFactory beanFactory = this.beanFactory;
        if (beanFactory == null) {
            return;
        }
        // Only singletons that already exist: a lazy handler bean is attached when something creates it.
        for (String name : beanFactory.getSingletonNames()) {
            Object bean = beanFactory.getSingleton(name);
            if (bean != null && isHandler(bean)) {
                attach(bean, name);
            }
        }
    }

    @Override
    public boolean requiresDestruction(Object bean) {
        synchronized (this.attached) {
            return this.attached.containsKey(bean);
        }
    }

    @Override
    public void postProcessBeforeDestruction(Object bean, String beanName) {
        Attachment attachment;
        synchronized (this.attached) {
            attachment = this.attached.remove(bean);
        }
        if (attachment != null) {
            detach(bean, attachment);
        }
    }

    @Override
    public void destroy() {
        List<Map.Entry<Object, Attachment>> remaining;
        synchronized (this.attached) {
            remaining = new ArrayList<>(this.attached.entrySet());
            this.attached.clear();
        }
        remaining.forEach((entry) -> detach(entry.getKey(), entry.getValue()));
    }

    /**
     * Returns the dispatcher each handler bean was attached to, by handler; for diagnostics and tests.
     *
     * @return a copy of the attachments
     */
    Map<Object, Dispatcher> attachments() {
        Map<Object, Dispatcher> copy = new IdentityHashMap<>();
        synchronized (this.attached) {
            this.attached.forEach((handler, attachment) -> copy.put(handler, attachment.dispatcher()));
        }
        return copy;
    }

    private void attach(Object bean, String beanName) {
        synchronized (this.attached) {
            if (this.attached.containsKey(bean)) {
                return;
            }
            Dispatcher dispatcher = this.registry.getObject().get(dispatcherName(bean, beanName));
            if (bean instanceof EventHandler eventHandler) {
                dispatcher.addEventHandler(eventHandler);
            }
            if (bean instanceof SpanHandler<?> spanHandler) {
                dispatcher.addSpanHandler(spanHandler);
            }
            CallbackEventHandler callbacks = null;
            if (bean instanceof CallbackHandler callbackHandler && !(bean instanceof EventHandler)) {
                callbacks = new CallbackEventHandler(callbackHandler);
                dispatcher.addEventHandler(callbacks);
            }
            this.attached.put(bean, new Attachment(beanName, dispatcher, callbacks));
            if (logger.isDebugEnabled()) {
                logger.debug("Attached llamatrace handler bean '" + beanName + "' to " + dispatcher);
            }
        }
    }

    private static void detach(Object bean, Attachment attachment) {
        Dispatcher dispatcher = attachment.dispatcher();
        if (bean instanceof EventHandler eventHandler) {
            dispatcher.removeEventHandler(eventHandler);
        }
        CallbackEventHandler callbacks = attachment.callbacks();
        if (callbacks != null) {
            dispatcher.removeEventHandler(callbacks);
        }
        if (bean instanceof SpanHandler<?> spanHandler) {
            dispatcher.removeSpanHandler(spanHandler);
            // Drops the spans it still holds open and closes it, once; failures are isolated and counted there.
            dispatcher.registry().shutdown(spanHandler);
        }
    }

    private String dispatcherName(Object bean, String beanName) {
        LlamaTraceProperties properties = this.properties.getIfAvailable();
        String configured =
                (properties != null) ? properties.getHandlers().getDispatchers().get(beanName) : null;
        if (configured != null) {
            return configured;
        }
        LlamaTraceHandler annotation = findAnnotation(bean, beanName);
        return (annotation != null) ? annotation.dispatcher() : DispatcherRegistry.ROOT_NAME;
    }

    private @Nullable LlamaTraceHandler findAnnotation(Object bean, String beanName) {
        ConfigurableListableBeanFactory beanFactory = this.beanFactory;
        if (beanFactory != null && beanFactory.containsBeanDefinition(beanName)) {
            // Also sees the annotation on the @Bean factory method.
            LlamaTraceHandler annotation = beanFactory.findAnnotationOnBean(beanName, LlamaTraceHandler.class);
            if (annotation != null) {
                return annotation;
            }
        }
        Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
        return AnnotatedElementUtils.findMergedAnnotation(type, LlamaTraceHandler.class);
    }

    private boolean isSingleton(String beanName) {
        ConfigurableListableBeanFactory beanFactory = this.beanFactory;
        if (beanFactory == null || !beanFactory.containsBeanDefinition(beanName)) {
            // Inner beans and beans without a definition are not attached here; the singleton sweep handles the rest.
            return false;
        }
        return beanFactory.getMergedBeanDefinition(beanName).isSingleton();
    }

    private static boolean isHandler(Object bean) {
        return bean instanceof EventHandler || bean instanceof SpanHandler || bean instanceof CallbackHandler;
    }

    private record Attachment(String beanName, Dispatcher dispatcher, @Nullable CallbackEventHandler callbacks) {}
}
