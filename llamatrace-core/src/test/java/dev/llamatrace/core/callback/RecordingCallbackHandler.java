package dev.llamatrace.core.callback;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** Records callbacks for assertions. */
class RecordingCallbackHandler implements CallbackHandler {

    final List<String> log = new CopyOnWriteArrayList<>();

    final List<Map<String, Object>> payloads = new CopyOnWriteArrayList<>();

    final Map<String, Map<String, List<String>>> traceMaps = new ConcurrentHashMap<>();

    private final Set<CBEventType> startsToIgnore;

    RecordingCallbackHandler() {
        this(Set.of());
    }

    RecordingCallbackHandler(Set<CBEventType> startsToIgnore) {
        this.startsToIgnore = startsToIgnore;
    }

    @Override
    public void onEventStart(CBEventType type, Map<String, Object> payload, String eventId, @Nullable String parentId) {
        this.log.add("start " + type.value() + " " + eventId + " parent=" + parentId);
        this.payloads.add(payload);
    }

    @Override
    public void onEventEnd(CBEventType type, Map<String, Object> payload, String eventId) {
        this.log.add("end " + type.value() + " " + eventId);
        this.payloads.add(payload);
    }

    @Override
    public void startTrace(String traceId) {
        this.log.add("startTrace " + traceId);
    }

    @Override
    public void endTrace(String traceId, Map<String, List<String>> traceMap) {
        this.log.add("endTrace " + traceId);
        this.traceMaps.put(traceId, traceMap);
    }

    @Override
    public Set<CBEventType> eventStartsToIgnore() {
        return this.startsToIgnore;
    }
}
