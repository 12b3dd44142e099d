package dev.duijie.console.oversight;

import dev.duijie.console.backend.api.ReferenceDataApi;
import dev.duijie.console.backend.model.NamedCode;
import dev.duijie.console.backend.model.ReferenceData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The county's names for towns, tiers and flags (reference data) in the person's language, for templates:
 * {@code ${names.region(o.region)}}. Read once per page.
 */
public final class ReferenceNames {

    private final Map<String, NamedCode> regions = new HashMap<>();
    private final Map<String, NamedCode> tiers = new HashMap<>();
    private final Map<String, NamedCode> flags = new HashMap<>();
    private final Map<String, NamedCode> industries = new HashMap<>();

    static ReferenceNames read(ReferenceDataApi referenceData) {
        ReferenceData data = referenceData.getReferenceData().getBody();
        var names = new ReferenceNames();
        if (data != null) {
            index(data.getRegions(), names.regions);
            index(data.getEnterpriseTiers(), names.tiers);
            index(data.getEnterpriseFlags(), names.flags);
            index(data.getIndustries(), names.industries);
        }
        return names;
    }

    private static void index(@Nullable List<NamedCode> codes, Map<String, NamedCode> into) {
        if (codes != null) {
            codes.forEach(code -> into.put(code.getCode(), code));
        }
    }

    public String region(@Nullable String code) {
        return name(regions, code);
    }

    public String tier(@Nullable Object code) {
        return name(tiers, code == null ? null : code.toString());
    }

    public String flag(@Nullable Object code) {
        return name(flags, code == null ? null : code.toString());
    }

    public String industry(@Nullable String code) {
        return name(industries, code);
    }

    /** Several industries, e.g. "漆器、文旅康养"; "—" when none. */
    public String industries(@Nullable List<String> codes) {
        return joined(codes, industries);
    }

    public String flags(@Nullable List<?> codes) {
        return joined(codes, flags);
    }

    private static String joined(@Nullable List<?> codes, Map<String, NamedCode> names) {
        if (codes == null || codes.isEmpty()) {
            return "—";
        }
        return codes.stream().map(code -> name(names, code.toString())).collect(Collectors.joining("、"));
    }

    private static String name(Map<String, NamedCode> names, @Nullable String code) {
        if (code == null) {
            return "—";
        }
        NamedCode named = names.get(code);
        if (named == null) {
            return code;
        }
        return LocaleContextHolder.getLocale().getLanguage().equals("en") ? named.getNameEn() : named.getNameZh();
    }
}
