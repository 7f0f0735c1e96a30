package dev.llamatrace.autoconfigure.docs.core;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.event.Event;

final class MyEvent extends Event {

    private final String newField;

    MyEvent(String newField) {
        this.newField = newField;
    }

    public String newField() {
        return this.newField;
    }

    static void emit(Dispatcher dispatcher) {
        dispatcher.event(new MyEvent("value"));
        // built only if some handler listens
        dispatcher.event(() -> new MyEvent(expensive()));
    }

    private static String expensive() {
        return "computed";
    }
}
