package dev.llamatrace.core.conversation;

import org.jspecify.annotations.Nullable;

/**
 * The conversation (session) and the user a piece of work belongs to. Both are optional, but not both absent; each is
 * cut to {@value #MAX_LENGTH} characters, so a span or event holding one costs a bounded amount.
 *
 * <p>Values are identifiers, not content: they are exported on spans (never as meter tags, being unbounded) whether
 * or not content capture is on, so do not put secrets or personal data in them that your backends must not see.
 *
 * @param id the conversation (session) id, or {@code null} when only the user is known
 * @param userId the user id, or {@code null} when only the conversation is known
 */
public record Conversation(@Nullable String id, @Nullable String userId) {

    /** The most characters an id keeps; longer ones are cut. */
    public static final int MAX_LENGTH = 256;

    /**
     * Creates a conversation.
     *
     * @param id the conversation id, or {@code null}
     * @param userId the user id, or {@code null}
     * @throws IllegalArgumentException when both are {@code null} or one is blank
     */
    public Conversation {
        id = checked(id, "id");
        userId = checked(userId, "userId");
        if (id == null && userId == null) {
            throw new IllegalArgumentException("A conversation needs an id, a user id or both");
        }
    }

    /**
     * Returns a conversation without a user.
     *
     * @param id the conversation id
     * @return the conversation
     */
    public static Conversation of(String id) {
        return new Conversation(id, null);
    }

    /**
     * Returns the work of one user, in no particular conversation.
     *
     * @param userId the user id
     * @return the conversation
     */
    public static Conversation ofUser(String userId) {
        return new Conversation(null, userId);
    }

    /**
     * Returns this conversation with another user.
     *
     * @param userId the user id, or {@code null} for none
     * @return a conversation with this id and {@code userId}
     */
    public Conversation withUser(@Nullable String userId) {
        return new Conversation(this.id, userId);
    }

    /**
     * Returns this conversation nested in {@code outer}: what this one leaves out, the outer one fills in, so a user
     * set around a request and a conversation set around one call combine.
     *
     * @param outer the conversation in effect around this one, or {@code null}
     * @return the combined conversation
     */
    public Conversation within(@Nullable Conversation outer) {
        if (outer == null || (this.id != null && this.userId != null)) {
            return this;
        }
        return new Conversation(
                (this.id != null) ? this.id : outer.id, (this.userId != null) ? this.userId : outer.userId);
    }

    private static @Nullable String checked(@Nullable String value, String name) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("Conversation " + name + " must not be blank");
        }
        return (value.length() > MAX_LENGTH) ? value.substring(0, MAX_LENGTH) : value;
    }
}
