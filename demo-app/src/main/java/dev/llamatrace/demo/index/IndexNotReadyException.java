package dev.llamatrace.demo.index;

/** Thrown when a question arrives before the startup ingestion has filled the index. */
public final class IndexNotReadyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public IndexNotReadyException() {
        super("The index is still being built; try again in a few seconds");
    }
}
