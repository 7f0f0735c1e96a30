package dev.llamatrace.demo.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/ask}.
 *
 * @param question the question, 1 to {@value AskLimits#MAX_QUESTION_LENGTH} characters, not blank
 * @param conversationId the conversation the question belongs to, optional; not blank, at most
 *     {@value AskLimits#MAX_ID_LENGTH} characters
 */
record AskRequest(
        @NotBlank(message = AskLimits.BLANK_QUESTION)
                @Size(max = AskLimits.MAX_QUESTION_LENGTH, message = AskLimits.LONG_QUESTION)
                @Nullable
                String question,
        @Pattern(regexp = ".*\\S.*", flags = Pattern.Flag.DOTALL, message = AskLimits.BLANK_CONVERSATION)
                @Size(max = AskLimits.MAX_ID_LENGTH, message = AskLimits.LONG_CONVERSATION)
                @Nullable
                String conversationId) {}
