package dev.llamatrace.core.trace;

import org.jspecify.annotations.Nullable;

/**
 * One trace: a root span and its descendants.
 *
 * <p>A span whose parent is no longer known (evicted, or never seen by the handler) becomes the root of its own tree;
 * its parent's id is kept in {@link #missingParentId()} and no id is altered.
 *
 * @param rootId the id of the root span
 * @param missingParentId the parent id of the root when that parent is unknown, else {@code null}
 * @param root the root node
 */
public record TraceTree(String rootId, @Nullable String missingParentId, TraceNode root) {

    /**
     * Returns how many spans the trace holds.
     *
     * @return at least 1
     */
    public int spanCount() {
        return this.root.spanCount();
    }
}
