package dev.janela.core.template;

import dev.janela.core.ErrorCode;
import dev.janela.core.JanelaException;
import java.util.List;

/** A template breaks Meta's rules; {@link #problems()} lists every rule it breaks, each naming its field. */
public final class InvalidTemplateException extends JanelaException {
    private final List<Problem> problems;

    InvalidTemplateException(List<Problem> problems) {
        super(ErrorCode.INVALID_TEMPLATE, problems.stream().map(problem -> problem.field() + ": " + problem.message())
                .reduce((first, second) -> first + "; " + second).orElse("invalid template"));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * One broken rule.
     *
     * @param field the field to blame: {@code name}, {@code body}...
     * @param message what is wrong and what Meta expects
     */
    public record Problem(String field, String message) {
    }
}
