package dev.llamatrace.demo.web;

import dev.llamatrace.core.conversation.Conversation;

/** The limits on a question and the messages that explain them. */
final class AskLimits {

    /** The longest question accepted, in characters. */
    static final int MAX_QUESTION_LENGTH = 4000;

    /** Explains a missing or blank question. */
    static final String BLANK_QUESTION = "question must not be blank";

    /** Explains an over-long question. */
    static final String LONG_QUESTION = "question must be at most " + MAX_QUESTION_LENGTH + " characters";

    /** The longest conversation or user id accepted, in characters: what a span keeps of one. */
    static final int MAX_ID_LENGTH = Conversation.MAX_LENGTH;

    /** The request header naming the user a question is asked for. */
    static final String USER_HEADER = "X-User-Id";

    /** Explains a blank conversation id. */
    static final String BLANK_CONVERSATION = "conversationId must not be blank when given";

    /** Explains an over-long conversation id. */
    static final String LONG_CONVERSATION = "conversationId must be at most " + MAX_ID_LENGTH + " characters";

    /** Explains an over-long user id. */
    static final String LONG_USER = USER_HEADER + " must be at most " + MAX_ID_LENGTH + " characters";

    private AskLimits() {}
}
