package dev.llamatrace.benchmarks;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The full-stack calls of {@link FullStackBenchmarks}, measured by what the calling thread spends: its CPU time and the
 * bytes it allocates per call, from the JVM's thread accounting. Unlike wall-clock time, neither grows when other
 * processes take the CPU, so on a shared machine this gives the ratio JMH cannot. The three applications run in one
 * JVM and take turns in blocks of calls; each figure is the median over the blocks after the warm-up blocks.
 *
 * <pre>
 * java -cp llamatrace-benchmarks/target/benchmarks.jar dev.llamatrace.benchmarks.FullStackCpuTime [blocks] [calls]
 * </pre>
 */
public final class FullStackCpuTime {

    private FullStackCpuTime() {}

    /**
     * Measures and prints a table.
     *
     * @param args blocks per application (default 30, the first third not counted) and calls per block (default 2,000)
     */
    public static void main(String[] args) {
        int blocks = (args.length > 0) ? Integer.parseInt(args[0]) : 30;
        int calls = (args.length > 1) ? Integer.parseInt(args[1]) : 2_000;
        Map<FullStackApplication.Variant, FullStackBenchmarks.Application> applications =
                new EnumMap<>(FullStackApplication.Variant.class);
        applications.put(FullStackApplication.Variant.WITHOUT, new FullStackBenchmarks.Without());
        applications.put(FullStackApplication.Variant.LLAMATRACE, new FullStackBenchmarks.Llamatrace());
        applications.put(FullStackApplication.Variant.DISABLED, new FullStackBenchmarks.Disabled());
        applications.values().forEach(FullStackBenchmarks.Application::start);
        try {
            System.out.println("| call | variant | CPU µs/call (median of blocks) | B/call | CPU ratio to without |");
            System.out.println("|---|---|---:|---:|---:|");
            measure("ChatClient call", applications, blocks, calls, FullStackCpuTime::call);
            measure("ChatClient stream (20 chunks)", applications, blocks, calls / 4, FullStackCpuTime::stream);
            measure("LangChain4j chat", applications, blocks, calls, FullStackCpuTime::langChain4j);
        } finally {
            applications.values().forEach(FullStackBenchmarks.Application::stop);
        }
    }

    private static int call(FullStackBenchmarks.Application application) {
        return FullStackBenchmarks.call(application).length();
    }

    private static int stream(FullStackBenchmarks.Application application) {
        return FullStackBenchmarks.stream(application).length();
    }

    private static int langChain4j(FullStackBenchmarks.Application application) {
        return FullStackBenchmarks.langChain4j(application).length();
    }

    private static void measure(
            String label,
            Map<FullStackApplication.Variant, FullStackBenchmarks.Application> applications,
            int blocks,
            int calls,
            ToIntFunction<FullStackBenchmarks.Application> work) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        Map<FullStackApplication.Variant, List<Double>> cpu = new EnumMap<>(FullStackApplication.Variant.class);
        Map<FullStackApplication.Variant, List<Double>> bytes = new EnumMap<>(FullStackApplication.Variant.class);
        long sink = 0;
        for (int block = 0; block < blocks; block++) {
            for (Map.Entry<FullStackApplication.Variant, FullStackBenchmarks.Application> entry :
                    applications.entrySet()) {
                long allocated = threads.getThreadAllocatedBytes(thread);
                long cpuNanos = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    sink += work.applyAsInt(entry.getValue());
                }
                cpuNanos = threads.getCurrentThreadCpuTime() - cpuNanos;
                allocated = threads.getThreadAllocatedBytes(thread) - allocated;
                if (block >= blocks / 3) {
                    cpu.computeIfAbsent(entry.getKey(), (key) -> new ArrayList<>())
                            .add(cpuNanos / 1e3 / calls);
                    bytes.computeIfAbsent(entry.getKey(), (key) -> new ArrayList<>())
                            .add(allocated / (double) calls);
                }
            }
        }
        double without = median(cpu.get(FullStackApplication.Variant.WITHOUT));
        for (FullStackApplication.Variant variant : applications.keySet()) {
            double micros = median(cpu.get(variant));
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %.1f | %,.0f | %.2f |%n",
                    label,
                    variant.name().toLowerCase(Locale.ROOT),
                    micros,
                    median(bytes.get(variant)),
                    micros / without);
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
