package dev.llamatrace.demo.web;

/** The limits on a question and the messages that explain them. */
final class AskLimits {

    /** The longest question accepted, in characters. */
    static final int MAX_QUESTION_LENGTH = 4000;

    /** Explains a missing or blank question. */
    static final String BLANK_QUESTION = "question must not be blank";

    /** Explains an over-long question. */
    static final String LONG_QUESTION = "question must be at most " + MAX_QUESTION_LENGTH + " characters";

    private AskLimits() {}
}
