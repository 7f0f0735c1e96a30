package dev.llamatrace.demo;

import java.util.ArrayList;
import java.util.List;

/** Parses a complete {@code text/event-stream} body into its events. */
public final class ServerSentEvents {

    private ServerSentEvents() {}

    /**
     * Parses a body.
     *
     * @param body the whole stream
     * @return the events in order
     */
    public static List<Sse> parse(String body) {
        List<Sse> events = new ArrayList<>();
        for (String block : body.replace("\r\n", "\n").split("\n\n")) {
            String name = "message";
            List<String> data = new ArrayList<>();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = value(line, "event:");
                } else if (line.startsWith("data:")) {
                    data.add(value(line, "data:"));
                }
            }
            if (!data.isEmpty()) {
                events.add(new Sse(name, String.join("\n", data)));
            }
        }
        return events;
    }

    private static String value(String line, String field) {
        String value = line.substring(field.length());
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    /**
     * One event.
     *
     * @param name the event name, {@code message} when unnamed
     * @param data the data lines joined by newlines
     */
    public record Sse(String name, String data) {}
}
