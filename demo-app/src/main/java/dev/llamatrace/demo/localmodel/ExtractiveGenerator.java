package dev.llamatrace.demo.localmodel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An offline, extractive "language model": it answers a question by quoting the sentences of the context passages
 * that are closest to the question in MiniLM embedding space. It never invents text, and for the same input it always
 * gives the same answer.
 *
 * <p>Passages are split into sentences and list items; headings and questions are skipped (a question in the guide,
 * such as an FAQ entry, repeats the user's question rather than answering it), and a fenced code block is kept with
 * the sentence that introduces it (one ending in a colon). A sentence's score mixes its own similarity to the question
 * with its passage's. The best sentences, at most {@value #MAX_SENTENCES} and only
 * those close enough to the best one, are quoted grouped by passage, best passage first, each passage's sentences
 * in their original order.
 */
final class ExtractiveGenerator {

    /** The answer when the prompt carries no context at all. */
    static final String NO_CONTEXT = "I am the demo's offline extractive model: I can only quote from context "
            + "passages given in the prompt, and this prompt has none.";

    /** The answer when nothing in the context is related to the question. */
    static final String NOT_FOUND = "The guide does not seem to cover that question.";

    private static final int MAX_SENTENCES = 3;

    /** Below this cosine similarity a sentence is considered unrelated to the question. */
    private static final double MIN_SCORE = 0.2;

    /**
     * Weight of a sentence's own similarity in its score; the rest is its passage's similarity, so sentences of the
     * passage that matches best win over stray look-alikes in weaker passages.
     */
    private static final double SENTENCE_WEIGHT = 0.6;

    /** Sentences scoring below this fraction of the best one are left out. */
    private static final double RELATIVE_FLOOR = 0.85;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z`\"(\\[])");

    private static final Pattern LIST_MARKER = Pattern.compile("^([-*+]|\\d+\\.)\\s+");

    private static final Comparator<Sentence> ORDER =
            Comparator.comparingInt(Sentence::passage).thenComparingInt(Sentence::position);

    private final MiniLmEncoder encoder;

    ExtractiveGenerator(MiniLmEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * Answers a question from context passages.
     *
     * @param question the question
     * @param passages the context passages, best first
     * @return the answer
     */
    String answer(String question, List<String> passages) {
        List<Sentence> sentences = new ArrayList<>();
        for (int p = 0; p < passages.size(); p++) {
            split(p, passages.get(p), sentences);
        }
        if (sentences.isEmpty() || question.isBlank()) {
            return NO_CONTEXT;
        }
        List<String> texts = new ArrayList<>(1 + passages.size() + sentences.size());
        texts.add(question);
        texts.addAll(passages);
        sentences.forEach((sentence) -> texts.add(sentence.plain));
        List<float[]> vectors = this.encoder.encode(texts).vectors();
        float[] query = vectors.get(0);
        double[] passageScores = new double[passages.size()];
        for (int p = 0; p < passages.size(); p++) {
            passageScores[p] = MiniLmEncoder.cosine(query, vectors.get(1 + p));
        }
        List<Scored> scored = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            Sentence sentence = sentences.get(i);
            double own = MiniLmEncoder.cosine(query, vectors.get(1 + passages.size() + i));
            double score = SENTENCE_WEIGHT * own + (1 - SENTENCE_WEIGHT) * passageScores[sentence.passage()];
            scored.add(new Scored(sentence, score));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::sentence, ORDER));
        double best = scored.get(0).score();
        if (best < MIN_SCORE) {
            return NOT_FOUND;
        }
        List<Scored> chosen = new ArrayList<>();
        for (Scored candidate : scored) {
            if (chosen.size() == MAX_SENTENCES || candidate.score() < best * RELATIVE_FLOOR) {
                break;
            }
            if (chosen.stream().noneMatch((s) -> s.sentence().plain.equalsIgnoreCase(candidate.sentence().plain))) {
                chosen.add(candidate);
            }
        }
        return compose(readingOrder(chosen));
    }

    /**
     * Groups the chosen sentences by passage, the passage of the best sentence first, and keeps each passage's
     * sentences in their original order, so the answer opens with the best match and still reads like the guide.
     */
    private static List<Sentence> readingOrder(List<Scored> chosen) {
        Map<Integer, List<Sentence>> byPassage = new LinkedHashMap<>();
        for (Scored scored : chosen) {
            byPassage
                    .computeIfAbsent(scored.sentence().passage(), (p) -> new ArrayList<>())
                    .add(scored.sentence());
        }
        List<Sentence> ordered = new ArrayList<>();
        for (List<Sentence> sentences : byPassage.values()) {
            sentences.sort(ORDER);
            ordered.addAll(sentences);
        }
        return ordered;
    }

    private static String compose(List<Sentence> chosen) {
        StringBuilder answer = new StringBuilder();
        for (Sentence sentence : chosen) {
            if (answer.length() > 0) {
                answer.append(answer.charAt(answer.length() - 1) == '\n' ? "\n" : " ");
            }
            answer.append(sentence.text);
        }
        return answer.toString().strip();
    }

    private static void split(int passage, String text, List<Sentence> out) {
        List<String> paragraph = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("```")) {
                flush(passage, paragraph, out);
                StringBuilder code = new StringBuilder(lines[i].strip()).append('\n');
                while (++i < lines.length && !lines[i].strip().startsWith("```")) {
                    code.append(lines[i]).append('\n');
                }
                code.append("```\n");
                attachCode(out, passage, code.toString());
            } else if (line.isEmpty() || line.startsWith("#")) {
                flush(passage, paragraph, out);
            } else if (LIST_MARKER.matcher(line).find()) {
                flush(passage, paragraph, out);
                paragraph.add(LIST_MARKER.matcher(line).replaceFirst(""));
                flush(passage, paragraph, out);
            } else {
                paragraph.add(line);
            }
        }
        flush(passage, paragraph, out);
        // A sentence that announces something ("... the values are:") is only worth quoting with what it announces.
        out.removeIf((sentence) -> sentence.passage == passage && sentence.text.endsWith(":"));
    }

    private static void flush(int passage, List<String> paragraph, List<Sentence> out) {
        if (paragraph.isEmpty()) {
            return;
        }
        for (String sentence : SENTENCE_END.split(String.join(" ", paragraph))) {
            String trimmed = sentence.strip();
            if (trimmed.split("\\s+").length >= 3 && !trimmed.endsWith("?")) {
                out.add(new Sentence(passage, out.size(), trimmed, trimmed));
            }
        }
        paragraph.clear();
    }

    private static void attachCode(List<Sentence> out, int passage, String code) {
        if (out.isEmpty()) {
            return;
        }
        Sentence last = out.get(out.size() - 1);
        if (last.passage == passage && last.text.endsWith(":")) {
            out.set(out.size() - 1, new Sentence(passage, last.position, last.text + "\n\n" + code, last.plain));
        }
    }

    /**
     * A quotable unit of a passage.
     *
     * @param passage the index of its passage
     * @param position its position among all units
     * @param text the text quoted in an answer (a sentence, maybe with the code block it introduces)
     * @param plain the sentence alone, which is what gets embedded
     */
    private record Sentence(int passage, int position, String text, String plain) {}

    private record Scored(Sentence sentence, double score) {}
}
