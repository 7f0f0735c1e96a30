package dev.llamatrace.core.trace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds trace trees from a set of spans and renders them as text. */
final class TraceTrees {

    private static final Comparator<SimpleSpan> BY_START =
            Comparator.comparingLong(SimpleSpan::startNanos).thenComparing(SimpleSpan::id);

    private TraceTrees() {}

    /**
     * Builds one tree per root, the most recently started first. A span is a root when it has no parent or its parent
     * is not among {@code spans}. When a span id appears twice, the first occurrence wins.
     */
    static List<TraceTree> build(Collection<SimpleSpan> spans) {
        Map<String, SimpleSpan> byId = new LinkedHashMap<>();
        for (SimpleSpan span : spans) {
            byId.putIfAbsent(span.id(), span);
        }
        Map<String, List<SimpleSpan>> children = new HashMap<>();
        List<SimpleSpan> roots = new ArrayList<>();
        for (SimpleSpan span : byId.values()) {
            String parentId = span.parentId();
            if (parentId != null && byId.containsKey(parentId)) {
                children.computeIfAbsent(parentId, (key) -> new ArrayList<>()).add(span);
            } else {
                roots.add(span);
            }
        }
        roots.sort(BY_START.reversed());
        List<TraceTree> trees = new ArrayList<>(roots.size());
        for (SimpleSpan root : roots) {
            trees.add(new TraceTree(root.id(), root.parentId(), node(root, children)));
        }
        return trees;
    }

    private static TraceNode node(SimpleSpan span, Map<String, List<SimpleSpan>> children) {
        List<SimpleSpan> kids = children.get(span.id());
        if (kids == null) {
            return new TraceNode(span, List.of());
        }
        kids.sort(BY_START);
        List<TraceNode> nodes = new ArrayList<>(kids.size());
        for (SimpleSpan kid : kids) {
            nodes.add(node(kid, children));
        }
        return new TraceNode(span, nodes);
    }

    /** Renders trees one after the other, each followed by a blank line. */
    static String print(List<TraceTree> trees) {
        StringBuilder out = new StringBuilder();
        for (TraceTree tree : trees) {
            out.append(label(tree.root().span()));
            if (tree.missingParentId() != null) {
                out.append(" [parent ").append(tree.missingParentId()).append(" not retained]");
            }
            out.append('\n');
            printChildren(tree.root(), "", out);
            out.append('\n');
        }
        return out.toString();
    }

    private static void printChildren(TraceNode node, String indent, StringBuilder out) {
        List<TraceNode> children = node.children();
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            TraceNode child = children.get(i);
            out.append(indent)
                    .append(last ? "└── " : "├── ")
                    .append(label(child.span()))
                    .append('\n');
            printChildren(child, indent + (last ? "    " : "│   "), out);
        }
    }

    private static String label(SimpleSpan span) {
        if (span.outcome() == SimpleSpan.Outcome.OPEN) {
            return span.id() + " (open)";
        }
        double seconds = span.duration().toNanos() / 1e9;
        return span.id() + " (" + String.format(Locale.ROOT, "%.6f", seconds) + ")";
    }
}
