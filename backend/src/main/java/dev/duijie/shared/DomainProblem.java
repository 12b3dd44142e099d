package dev.duijie.shared;

import java.util.List;

/**
 * A business rule said no. Carries the kind of problem and a message key (with arguments) for the
 * localized detail; the web edge turns it into {@code application/problem+json}.
 */
public class DomainProblem extends RuntimeException {

    private final ProblemType type;
    private final String detailKey;
    private final Object[] detailArgs;
    private final List<FieldProblem> fieldProblems;

    public DomainProblem(ProblemType type, String detailKey, Object... detailArgs) {
        this(type, List.of(), detailKey, detailArgs);
    }

    public DomainProblem(ProblemType type, List<FieldProblem> fieldProblems, String detailKey, Object... detailArgs) {
        super(detailKey);
        this.type = type;
        this.detailKey = detailKey;
        this.detailArgs = detailArgs.clone();
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    /** A single invalid field: 400 naming it. */
    public static DomainProblem invalidField(String field, String messageKey, Object... args) {
        return new DomainProblem(
                ProblemType.VALIDATION_FAILED,
                List.of(new FieldProblem(field, messageKey, args)),
                "problem.detail.validation-failed");
    }

    public ProblemType type() {
        return type;
    }

    public String detailKey() {
        return detailKey;
    }

    public Object[] detailArgs() {
        return detailArgs.clone();
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** One invalid field, with a message key and its arguments. */
    public record FieldProblem(String field, String messageKey, Object... args) {}
}
