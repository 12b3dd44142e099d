package dev.duijie.referencedata.web;

import dev.duijie.api.ReferenceDataApi;
import dev.duijie.api.dto.NamedCodeDto;
import dev.duijie.api.dto.ReferenceDataDto;
import dev.duijie.referencedata.ReferenceData;
import dev.duijie.referencedata.ReferenceData.NamedCode;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReferenceDataController implements ReferenceDataApi {

    private final ReferenceData referenceData;

    ReferenceDataController(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    @Override
    public ResponseEntity<ReferenceDataDto> getReferenceData() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
                .body(new ReferenceDataDto()
                        .industries(toDto(referenceData.list(ReferenceData.Vocabulary.INDUSTRY)))
                        .regions(toDto(referenceData.list(ReferenceData.Vocabulary.REGION)))
                        .collateralTypes(toDto(referenceData.list(ReferenceData.Vocabulary.COLLATERAL_TYPE)))
                        .enterpriseTiers(toDto(referenceData.list(ReferenceData.Vocabulary.ENTERPRISE_TIER)))
                        .enterpriseFlags(toDto(referenceData.list(ReferenceData.Vocabulary.ENTERPRISE_FLAG)))
                        .skills(toDto(referenceData.list(ReferenceData.Vocabulary.SKILL)))
                        .educationLevels(toDto(referenceData.list(ReferenceData.Vocabulary.EDUCATION_LEVEL))));
    }

    private static List<NamedCodeDto> toDto(List<NamedCode> codes) {
        return codes.stream()
                .map(code -> new NamedCodeDto()
                        .code(code.code())
                        .parentCode(code.parentCode())
                        .nameZh(code.nameZh())
                        .nameEn(code.nameEn()))
                .toList();
    }
}
