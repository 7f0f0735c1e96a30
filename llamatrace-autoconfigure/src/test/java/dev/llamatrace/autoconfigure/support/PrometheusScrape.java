package dev.llamatrace.autoconfigure.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parser of the Prometheus text exposition format (version 0.0.4) with the checks {@code promtool check metrics}
 * makes on a scrape: every family has help text and exactly one type declared before its samples, counters end in
 * {@code _total}, names and label names are snake case, no series appears twice, and every histogram series has
 * ascending {@code le} buckets ending in {@code +Inf} that are cumulative and agree with its {@code _count}.
 */
public final class PrometheusScrape {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\S+)?");

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z_:][a-z0-9_:]*");

    private static final List<String> SUFFIXES = List.of("_bucket", "_count", "_sum", "_created");

    private final Map<String, Family> families = new LinkedHashMap<>();

    private final List<String> problems = new ArrayList<>();

    /**
     * One metric family.
     *
     * @param name the family name
     * @param type the declared type
     * @param help the help text
     * @param samples its samples in order
     */
    public record Family(String name, String type, String help, List<Sample> samples) {

        /**
         * Returns the samples of one name (e.g. the family name plus {@code _bucket}).
         *
         * @param sampleName the sample name
         * @return those samples
         */
        public List<Sample> samples(String sampleName) {
            return this.samples.stream()
                    .filter((sample) -> sample.name().equals(sampleName))
                    .toList();
        }

        /**
         * Adds up the values of the samples of one name whose labels include the given ones.
         *
         * @param sampleName the sample name (e.g. the family name plus {@code _count})
         * @param labels labels every sample added must have; empty for all
         * @return the sum, {@code 0} when no sample matches
         */
        public double sum(String sampleName, Map<String, String> labels) {
            return samples(sampleName).stream()
                    .filter((sample) -> sample.labels().entrySet().containsAll(labels.entrySet()))
                    .mapToDouble(Sample::value)
                    .sum();
        }
    }

    /**
     * One sample.
     *
     * @param name the sample name
     * @param labels its labels, sorted by name
     * @param value its value
     */
    public record Sample(String name, Map<String, String> labels, double value) {}

    private PrometheusScrape(String text) {
        Map<String, String> help = new LinkedHashMap<>();
        Set<String> series = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("# EOF")) {
                continue;
            }
            if (line.startsWith("# HELP ")) {
                String[] parts = line.substring(7).split(" ", 2);
                help.put(parts[0], (parts.length > 1) ? parts[1] : "");
            } else if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ", 2);
                if (this.families.containsKey(parts[0])) {
                    this.problems.add(parts[0] + ": TYPE declared twice");
                }
                this.families.put(
                        parts[0],
                        new Family(parts[0], parts[1].trim(), help.getOrDefault(parts[0], ""), new ArrayList<>()));
            } else if (!line.startsWith("#")) {
                sample(line, series);
            }
        }
        this.families.values().forEach(this::check);
    }

    /**
     * Parses a scrape.
     *
     * @param text the scrape in the Prometheus text format
     * @return the parsed scrape
     */
    public static PrometheusScrape parse(String text) {
        return new PrometheusScrape(text);
    }

    /**
     * Returns the families in scrape order.
     *
     * @return the families by name
     */
    public Map<String, Family> families() {
        return this.families;
    }

    /**
     * Returns one family.
     *
     * @param name the family name
     * @return the family
     * @throws AssertionError when the scrape has no family of that name
     */
    public Family family(String name) {
        Family family = this.families.get(name);
        if (family == null) {
            throw new AssertionError("No family " + name + " in " + this.families.keySet());
        }
        return family;
    }

    /**
     * Returns what {@code promtool check metrics} would complain about, for the families whose name starts with one
     * of the prefixes.
     *
     * @param prefixes family name prefixes, e.g. {@code gen_ai_}
     * @return the problems, empty when there are none
     */
    public List<String> problems(String... prefixes) {
        return this.problems.stream()
                .filter((problem) -> {
                    for (String prefix : prefixes) {
                        if (problem.startsWith(prefix)) {
                            return true;
                        }
                    }
                    return false;
                })
                .toList();
    }

    /**
     * Returns the upper bounds of a histogram series's buckets, {@code +Inf} left out.
     *
     * @param family a histogram family
     * @param labels labels the series must carry (others are ignored)
     * @return the bounds of the first series matching, ascending
     */
    public static List<Double> bucketBounds(Family family, Map<String, String> labels) {
        List<Double> bounds = new ArrayList<>();
        for (Sample sample : family.samples(family.name() + "_bucket")) {
            if (sample.labels().entrySet().containsAll(labels.entrySet())) {
                String le = sample.labels().get("le");
                if (le.equals("+Inf")) {
                    return bounds;
                }
                bounds.add(Double.parseDouble(le));
            }
        }
        return bounds;
    }

    private void sample(String line, Set<String> series) {
        Matcher matcher = SAMPLE.matcher(line.trim());
        if (!matcher.matches()) {
            this.problems.add("unparsable line: " + line);
            return;
        }
        String name = matcher.group(1);
        Map<String, String> labels = new TreeMap<>();
        if (matcher.group(3) != null) {
            Matcher label = LABEL.matcher(matcher.group(3));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        Family family = familyOf(name);
        if (family == null) {
            this.problems.add(name + ": sample without a TYPE declared before it");
            return;
        }
        if (!series.add(name + labels)) {
            this.problems.add(family.name() + ": series " + name + labels + " appears twice");
        }
        family.samples().add(new Sample(name, labels, parseValue(matcher.group(4))));
    }

    private Family familyOf(String sampleName) {
        Family family = this.families.get(sampleName);
        if (family != null) {
            return family;
        }
        for (String suffix : SUFFIXES) {
            if (sampleName.endsWith(suffix)) {
                Family base = this.families.get(sampleName.substring(0, sampleName.length() - suffix.length()));
                if (base != null) {
                    return base;
                }
            }
        }
        return null;
    }

    private void check(Family family) {
        String name = family.name();
        if (family.help().isBlank()) {
            this.problems.add(name + ": no help text");
        }
        if (!SNAKE_CASE.matcher(name).matches()) {
            this.problems.add(name + ": metric name is not snake case");
        }
        if (name.contains("__")) {
            this.problems.add(name + ": metric name has an empty word");
        }
        if (family.type().equals("counter") && !name.endsWith("_total")) {
            this.problems.add(name + ": counter name does not end in _total");
        }
        for (Sample sample : family.samples()) {
            for (String label : sample.labels().keySet()) {
                if (!SNAKE_CASE.matcher(label).matches()) {
                    this.problems.add(name + ": label " + label + " is not snake case");
                }
            }
            if (!family.type().equals("histogram") && sample.labels().containsKey("le")) {
                this.problems.add(name + ": label le on a " + family.type());
            }
        }
        if (family.type().equals("histogram")) {
            checkHistogram(family);
        }
    }

    private void checkHistogram(Family family) {
        Map<Map<String, String>, List<Sample>> buckets = new LinkedHashMap<>();
        for (Sample sample : family.samples(family.name() + "_bucket")) {
            Map<String, String> labels = new TreeMap<>(sample.labels());
            labels.remove("le");
            buckets.computeIfAbsent(labels, (key) -> new ArrayList<>()).add(sample);
        }
        if (buckets.isEmpty()) {
            this.problems.add(family.name() + ": histogram without _bucket series");
        }
        buckets.forEach((labels, series) -> {
            double previousBound = Double.NEGATIVE_INFINITY;
            double previousCount = 0;
            for (Sample bucket : series) {
                double bound = parseValue(bucket.labels().get("le"));
                if (bound <= previousBound || bucket.value() < previousCount) {
                    this.problems.add(family.name() + labels + ": buckets not ascending and cumulative");
                }
                previousBound = bound;
                previousCount = bucket.value();
            }
            if (previousBound != Double.POSITIVE_INFINITY) {
                this.problems.add(family.name() + labels + ": no +Inf bucket");
            }
            List<Sample> count = family.samples(family.name() + "_count").stream()
                    .filter((sample) -> sample.labels().equals(labels))
                    .toList();
            if (count.size() != 1 || count.get(0).value() != previousCount) {
                this.problems.add(family.name() + labels + ": _count does not match the +Inf bucket");
            }
            if (family.samples(family.name() + "_sum").stream()
                    .noneMatch((sample) -> sample.labels().equals(labels))) {
                this.problems.add(family.name() + labels + ": no _sum");
            }
        });
    }

    private static double parseValue(String value) {
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(value);
        };
    }
}
