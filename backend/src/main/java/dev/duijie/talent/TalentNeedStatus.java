package dev.duijie.talent;

/** draft → open → filled (by the last hire) or closed (by the owner). */
public enum TalentNeedStatus {
    DRAFT,
    OPEN,
    FILLED,
    CLOSED
}
