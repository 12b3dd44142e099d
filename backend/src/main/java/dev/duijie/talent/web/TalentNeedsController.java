package dev.duijie.talent.web;

import dev.duijie.api.TalentNeedsApi;
import dev.duijie.api.dto.TalentNeedDraftDto;
import dev.duijie.api.dto.TalentNeedDto;
import dev.duijie.api.dto.TalentNeedPageDto;
import dev.duijie.api.dto.TalentNeedStatusChangeDto;
import dev.duijie.api.dto.TalentNeedStatusDto;
import dev.duijie.security.Callers;
import dev.duijie.shared.Page;
import dev.duijie.shared.Versions;
import dev.duijie.talent.TalentNeed;
import dev.duijie.talent.TalentNeedService;
import dev.duijie.talent.TalentNeedStatus;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TalentNeedsController implements TalentNeedsApi {

    private final TalentNeedService needs;

    TalentNeedsController(TalentNeedService needs) {
        this.needs = needs;
    }

    @Override
    public ResponseEntity<TalentNeedDto> createTalentNeed(TalentNeedDraftDto body, @Nullable String idempotencyKey) {
        TalentNeed created = needs.create(Callers.current(), TalentDtos.needContent(body), idempotencyKey);
        return ResponseEntity.created(URI.create("/talent-needs/" + created.id()))
                .eTag(Versions.etag(created.version()))
                .body(TalentDtos.need(created));
    }

    @Override
    public ResponseEntity<TalentNeedDto> getTalentNeed(UUID needId) {
        return withEtag(needs.get(Callers.current(), needId));
    }

    @Override
    public ResponseEntity<TalentNeedDto> updateTalentNeed(
            UUID needId, TalentNeedDraftDto body, @Nullable String ifMatch) {
        return withEtag(
                needs.update(Callers.current(), needId, Versions.fromIfMatch(ifMatch), TalentDtos.needContent(body)));
    }

    @Override
    public ResponseEntity<TalentNeedDto> changeTalentNeedStatus(
            UUID needId, TalentNeedStatusChangeDto body, @Nullable String ifMatch) {
        return withEtag(needs.changeStatus(
                Callers.current(),
                needId,
                Versions.fromOptionalIfMatch(ifMatch),
                TalentNeedStatus.valueOf(body.getStatus().name())));
    }

    @Override
    public ResponseEntity<TalentNeedPageDto> listMyTalentNeeds(
            @Nullable TalentNeedStatusDto status, @Nullable String cursor, Integer limit) {
        TalentNeedStatus wanted = status == null ? null : TalentNeedStatus.valueOf(status.name());
        return ResponseEntity.ok(page(needs.listOwn(Callers.current(), wanted, cursor, limit)));
    }

    @Override
    public ResponseEntity<TalentNeedPageDto> listOpenTalentNeeds(
            @Nullable String skill, @Nullable String region, @Nullable String cursor, Integer limit) {
        return ResponseEntity.ok(page(needs.listOpen(skill, region, cursor, limit)));
    }

    private static TalentNeedPageDto page(Page<TalentNeed> page) {
        return new TalentNeedPageDto()
                .items(page.items().stream().map(TalentDtos::need).toList())
                .nextCursor(page.nextCursor());
    }

    private static ResponseEntity<TalentNeedDto> withEtag(TalentNeed need) {
        return ResponseEntity.ok().eTag(Versions.etag(need.version())).body(TalentDtos.need(need));
    }
}
