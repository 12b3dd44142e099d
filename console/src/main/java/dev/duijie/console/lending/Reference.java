package dev.duijie.console.lending;

import dev.duijie.console.backend.api.ReferenceDataApi;
import dev.duijie.console.backend.model.NamedCode;
import dev.duijie.console.backend.model.ReferenceData;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;

/** The county's vocabularies for one page, read once from the backend: names for codes in the person's language. */
public final class Reference {

    private final ReferenceData data;

    Reference(ReferenceDataApi api) {
        this.data = Objects.requireNonNull(api.getReferenceData().getBody(), "reference data");
    }

    public ReferenceData data() {
        return data;
    }

    public String industry(@Nullable String code) {
        return name(data.getIndustries(), code);
    }

    public String region(@Nullable String code) {
        return name(data.getRegions(), code);
    }

    public String collateral(@Nullable Object code) {
        return name(data.getCollateralTypes(), code == null ? null : code.toString());
    }

    public String tier(@Nullable Object code) {
        return name(data.getEnterpriseTiers(), code == null ? null : code.toString());
    }

    public String label(NamedCode code) {
        return LocaleContextHolder.getLocale().getLanguage().equals("en") ? code.getNameEn() : code.getNameZh();
    }

    private String name(List<NamedCode> codes, @Nullable String code) {
        if (code == null) {
            return "—";
        }
        return codes.stream()
                .filter(c -> c.getCode().equals(code))
                .findFirst()
                .map(this::label)
                .orElse(code);
    }
}
