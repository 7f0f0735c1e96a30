package dev.llamatrace.core.span;

/** Builds span names the way the whole product names them. */
public final class SpanNames {

    private SpanNames() {}

    /**
     * Returns the span name of a method call: {@code <runtime simple class name>.<method>}. The runtime class is used,
     * so a subclass calling an inherited method gives the subclass name; generated proxy suffixes are removed.
     *
     * @param instance the object whose method is called
     * @param method the method name
     * @return the span name
     */
    public static String of(Object instance, String method) {
        return simpleName(instance.getClass()) + "." + method;
    }

    /**
     * Returns the simple name of a class without generated-proxy suffixes such as {@code $$SpringCGLIB$$0}.
     *
     * @param type the class
     * @return the simple name
     */
    public static String simpleName(Class<?> type) {
        String name = type.getSimpleName();
        int marker = name.indexOf("$$");
        if (marker > 0) {
            name = name.substring(0, marker);
        }
        if (name.isEmpty()) {
            String full = type.getName();
            name = full.substring(full.lastIndexOf('.') + 1);
        }
        return name;
    }
}
