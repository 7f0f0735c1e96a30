package dev.llamatrace.demo.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/ask}.
 *
 * @param question the question, 1 to {@value AskLimits#MAX_QUESTION_LENGTH} characters, not blank
 */
record AskRequest(
        @NotBlank(message = AskLimits.BLANK_QUESTION)
                @Size(max = AskLimits.MAX_QUESTION_LENGTH, message = AskLimits.LONG_QUESTION)
                @Nullable
                String question) {}
