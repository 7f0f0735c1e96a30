package dev.llamatrace.core.trace;

import java.util.List;

/**
 * One span in a {@link TraceTree} with its child spans, ordered by start time.
 *
 * @param span the span
 * @param children the spans whose parent is {@code span}, earliest first
 */
public record TraceNode(SimpleSpan span, List<TraceNode> children) {

    /**
     * Creates a node.
     *
     * @param span the span
     * @param children the child nodes, earliest first
     */
    public TraceNode {
        children = List.copyOf(children);
    }

    /**
     * Returns how many spans this node and its descendants hold.
     *
     * @return at least 1
     */
    public int spanCount() {
        int count = 1;
        for (TraceNode child : this.children) {
            count += child.spanCount();
        }
        return count;
    }
}
