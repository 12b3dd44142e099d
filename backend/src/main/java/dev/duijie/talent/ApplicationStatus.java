package dev.duijie.talent;

/**
 * The pipeline, in order: applied → shortlisted → interview → offered → hired. Rejected (by the enterprise)
 * and withdrawn (by the talent) end it from any open stage.
 */
public enum ApplicationStatus {
    APPLIED,
    SHORTLISTED,
    INTERVIEW,
    OFFERED,
    HIRED,
    REJECTED,
    WITHDRAWN;

    public boolean isFinal() {
        return this == HIRED || this == REJECTED || this == WITHDRAWN;
    }

    /**
     * Whether the enterprise may move an application from this stage to {@code next}: forward only, a hire
     * only after an offer, a rejection from any open stage.
     */
    boolean canMoveTo(ApplicationStatus next) {
        if (isFinal() || next == WITHDRAWN || next == APPLIED) {
            return false;
        }
        return switch (next) {
            case REJECTED -> true;
            case HIRED -> this == OFFERED;
            default -> next.compareTo(this) > 0;
        };
    }
}
