package dev.llamatrace.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a startup failure caused by an invalid {@code llamatrace.*} property value. */
final class LlamaTracePropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidLlamaTracePropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidLlamaTracePropertyException cause) {
        String description = "The llamatrace property '" + cause.property() + "' has the invalid value '"
                + cause.value() + "'. Allowed: " + cause.allowed() + ".";
        String action = "Update '" + cause.property() + "' in your application's configuration to " + cause.allowed()
                + ", or remove it to use the default.";
        return new FailureAnalysis(description, action, cause);
    }
}
