package dev.duijie.talent;

import dev.duijie.shared.Caller;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.ProblemType;

/**
 * The talent need's lifecycle on plain values: draft → open → filled (by the last hire) or closed (by the
 * owner). Only a draft is edited; the owner opens a draft and closes an open need, nothing else; applications
 * and hires need an open need. Each refusal is the problem the API answers.
 */
final class TalentNeedRules {

    private TalentNeedRules() {}

    /** A salary range (monthly, in fen) whose top is not below its bottom. */
    static void checkSalaryRange(long salaryMinFen, long salaryMaxFen) {
        if (salaryMaxFen < salaryMinFen) {
            throw DomainProblem.invalidField("salaryMaxFen", "field.salary.range");
        }
    }

    static void requireEditable(TalentNeed need) {
        if (need.status() != TalentNeedStatus.DRAFT) {
            throw new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.talent-need-only-drafts-editable");
        }
    }

    /** The steps the owner takes by hand: open a draft, close an open need (filling is the last hire's). */
    static boolean ownerMay(TalentNeedStatus from, TalentNeedStatus to) {
        return (from == TalentNeedStatus.DRAFT && to == TalentNeedStatus.OPEN)
                || (from == TalentNeedStatus.OPEN && to == TalentNeedStatus.CLOSED);
    }

    static void requireOwnerMay(TalentNeedStatus from, TalentNeedStatus to) {
        if (!ownerMay(from, to)) {
            throw new DomainProblem(
                    ProblemType.INVALID_STATE,
                    "problem.detail.talent-need-transition",
                    TalentNeeds.dbValue(from),
                    TalentNeeds.dbValue(to));
        }
    }

    static void requireOpen(TalentNeed need) {
        if (need.status() != TalentNeedStatus.OPEN) {
            throw notOpen();
        }
    }

    static DomainProblem notOpen() {
        return new DomainProblem(ProblemType.INVALID_STATE, "problem.detail.talent-need-not-open");
    }

    /** Whether a hire into this open need takes its last place, filling it. */
    static boolean hireFills(TalentNeed need) {
        return need.openHeadcount() == 1;
    }

    /** Drafts only their owner; open, filled and closed needs of verified enterprises everyone signed in. */
    static boolean visibleTo(Caller caller, TalentNeed need) {
        return caller.belongsTo(need.organizationId())
                || (need.status() != TalentNeedStatus.DRAFT && need.organizationVerified());
    }
}
