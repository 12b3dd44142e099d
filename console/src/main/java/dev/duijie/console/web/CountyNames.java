package dev.duijie.console.web;

import dev.duijie.console.backend.ReferenceDataCache;
import dev.duijie.console.backend.model.NamedCode;
import dev.duijie.console.backend.model.ReferenceData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The county's reference data (industries, towns, collateral types, tiers, flags) in the person's language, for
 * every page: a code's name ({@code ${@names.industry(r.industry)}}), several codes' names, and the pickers'
 * choices. A code the reference data does not know is shown as it is.
 */
@Component("names")
public class CountyNames {

    private final ReferenceDataCache referenceData;

    CountyNames(ReferenceDataCache referenceData) {
        this.referenceData = referenceData;
    }

    /** One choice of a picker: its code, its name, and whether it sits under a parent (shown indented). */
    public record Choice(String code, String name, boolean child) {}

    public ReferenceData data() {
        return referenceData.current();
    }

    public String industry(@Nullable Object code) {
        return name(data().getIndustries(), code);
    }

    public String region(@Nullable Object code) {
        return name(data().getRegions(), code);
    }

    public String collateral(@Nullable Object code) {
        return name(data().getCollateralTypes(), code);
    }

    public String tier(@Nullable Object code) {
        return name(data().getEnterpriseTiers(), code);
    }

    /** Several industries, e.g. "漆器、文旅康养"; "—" when none. */
    public String industries(@Nullable List<?> codes) {
        return joined(data().getIndustries(), codes);
    }

    /** Several enterprise flags, e.g. "专精特新、高新技术企业"; "—" when none. */
    public String flags(@Nullable List<?> codes) {
        return joined(data().getEnterpriseFlags(), codes);
    }

    public String label(NamedCode code) {
        return LocaleContextHolder.getLocale().getLanguage().equals("en") ? code.getNameEn() : code.getNameZh();
    }

    public List<Choice> industryChoices() {
        return tree(data().getIndustries());
    }

    public List<Choice> regionChoices() {
        return tree(data().getRegions());
    }

    public List<Choice> collateralChoices() {
        return tree(data().getCollateralTypes());
    }

    /** Parents first, each followed by its children, in the backend's order. */
    private List<Choice> tree(List<NamedCode> codes) {
        List<Choice> choices = new ArrayList<>();
        for (NamedCode parent : codes) {
            if (parent.getParentCode() != null) {
                continue;
            }
            choices.add(new Choice(parent.getCode(), label(parent), false));
            for (NamedCode child : codes) {
                if (parent.getCode().equals(child.getParentCode())) {
                    choices.add(new Choice(child.getCode(), label(child), true));
                }
            }
        }
        return choices;
    }

    private String joined(List<NamedCode> names, @Nullable List<?> codes) {
        if (codes == null || codes.isEmpty()) {
            return "—";
        }
        return codes.stream().map(code -> name(names, code)).collect(Collectors.joining("、"));
    }

    /** Enums of the generated client name themselves by their contract value. */
    private String name(List<NamedCode> names, @Nullable Object code) {
        if (code == null) {
            return "—";
        }
        String wanted = code.toString();
        return names.stream()
                .filter(named -> named.getCode().equals(wanted))
                .findFirst()
                .map(this::label)
                .orElse(wanted);
    }
}
