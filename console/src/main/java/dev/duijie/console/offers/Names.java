package dev.duijie.console.offers;

import dev.duijie.console.backend.api.ReferenceDataApi;
import dev.duijie.console.backend.model.NamedCode;
import dev.duijie.console.backend.model.ReferenceData;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The county's reference data (industries, towns, tiers) in the person's language, for pickers and for showing a
 * code's name: {@code ${@offerNames.industry(r.industry)}}.
 */
@Component("offerNames")
public class Names {

    private static final String KEY = Names.class.getName();

    private final ReferenceDataApi referenceData;

    Names(ReferenceDataApi referenceData) {
        this.referenceData = referenceData;
    }

    /** The reference data, read once per page. */
    public ReferenceData all() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null
                && attributes.getAttribute(KEY, RequestAttributes.SCOPE_REQUEST) instanceof ReferenceData read) {
            return read;
        }
        ReferenceData read =
                Objects.requireNonNull(referenceData.getReferenceData().getBody());
        if (attributes != null) {
            attributes.setAttribute(KEY, read, RequestAttributes.SCOPE_REQUEST);
        }
        return read;
    }

    public String industry(@Nullable String code) {
        return name(all().getIndustries(), code);
    }

    public String region(@Nullable String code) {
        return name(all().getRegions(), code);
    }

    public String collateral(@Nullable String code) {
        return name(all().getCollateralTypes(), code);
    }

    public String tier(@Nullable String code) {
        return name(all().getEnterpriseTiers(), code);
    }

    /**
     * The status changes a product's owner may ask for from its list, e.g. a draft can be activated or retired. Only
     * which buttons to show: the backend decides whether the change is allowed.
     */
    public List<String> statusChanges(String status) {
        return switch (status) {
            case "draft", "paused" -> List.of("active", "retired");
            case "active" -> List.of("paused", "retired");
            default -> List.of();
        };
    }

    public static String label(NamedCode code) {
        return LocaleContextHolder.getLocale().getLanguage().equals("en") ? code.getNameEn() : code.getNameZh();
    }

    private static String name(List<NamedCode> codes, @Nullable String code) {
        if (code == null) {
            return "—";
        }
        return codes.stream()
                .filter(named -> named.getCode().equals(code))
                .findFirst()
                .map(Names::label)
                .orElse(code);
    }
}
