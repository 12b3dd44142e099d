package dev.duijie.console.financing;

import dev.duijie.console.backend.api.ReferenceDataApi;
import dev.duijie.console.backend.model.NamedCode;
import dev.duijie.console.backend.model.ReferenceData;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The county's reference data (industry tree, towns, collateral types) as pickers and names in the person's
 * language, read from the backend each time a page needs it.
 */
@Component("enterpriseVocabulary")
class Vocabulary {

    private final ReferenceDataApi referenceData;

    Vocabulary(ReferenceDataApi referenceData) {
        this.referenceData = referenceData;
    }

    /** One choice of a picker: its code, its name, and whether it sits under a parent (shown indented). */
    record Choice(String code, String name, boolean child) {}

    /** The pickers a request form or page needs. */
    record Lists(List<Choice> industries, List<Choice> regions, List<Choice> collateral) {

        String name(List<Choice> choices, @Nullable String code) {
            return choices.stream()
                    .filter(choice -> choice.code().equals(code))
                    .map(Choice::name)
                    .findFirst()
                    .orElse(code == null ? "—" : code);
        }

        public String industry(@Nullable String code) {
            return name(industries, code);
        }

        public String region(@Nullable String code) {
            return name(regions, code);
        }

        public String collateral(@Nullable Object code) {
            return name(collateral, code == null ? null : code.toString());
        }
    }

    Lists lists() {
        ReferenceData data =
                Objects.requireNonNull(referenceData.getReferenceData().getBody());
        return new Lists(tree(data.getIndustries()), tree(data.getRegions()), tree(data.getCollateralTypes()));
    }

    /** Parents first, each followed by its children, in the backend's order. */
    private static List<Choice> tree(List<NamedCode> codes) {
        List<Choice> choices = new ArrayList<>();
        for (NamedCode parent : codes) {
            if (parent.getParentCode() != null) {
                continue;
            }
            choices.add(new Choice(parent.getCode(), name(parent), false));
            for (NamedCode child : codes) {
                if (parent.getCode().equals(child.getParentCode())) {
                    choices.add(new Choice(child.getCode(), name(child), true));
                }
            }
        }
        return choices;
    }

    private static String name(NamedCode code) {
        return LocaleContextHolder.getLocale().getLanguage().equals("en") ? code.getNameEn() : code.getNameZh();
    }
}
