package dev.llamatrace.autoconfigure.docs.core;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.Dispatchers;
import dev.llamatrace.core.event.EventHandler;

class MyRetriever {

    // named after the class: "<package>.MyRetriever"
    private final Dispatcher dispatcher = Dispatchers.get(MyRetriever.class);

    static void listenToEverything(EventHandler myEventHandler) {
        // the root sees everything that propagates
        Dispatchers.root().addEventHandler(myEventHandler);
    }

    Dispatcher dispatcher() {
        return this.dispatcher;
    }
}
