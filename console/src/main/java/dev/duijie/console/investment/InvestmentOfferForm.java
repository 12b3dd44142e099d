package dev.duijie.console.investment;

import dev.duijie.console.backend.model.InvestmentKind;
import dev.duijie.console.backend.model.InvestmentOffer;
import dev.duijie.console.backend.model.InvestmentOfferDraft;
import dev.duijie.console.backend.model.InvestmentStage;
import dev.duijie.console.offers.NumberInput;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An investment offer as typed: the ticket in 万元.
 *
 * @param name the offer's name
 * @param description what it is for
 * @param kind equity, convertible, debt or project co-investment
 * @param ticketMinWan the smallest ticket, in 万元
 * @param ticketMaxWan the largest ticket, in 万元
 * @param industries industries sought (none: any)
 * @param stages project stages sought (none: any)
 * @param hometownTie the investor's tie to the county
 * @param idempotencyKey made when a new offer's form was shown
 * @param etag the version read, for an edit
 */
public record InvestmentOfferForm(
        @Nullable String name,
        @Nullable String description,
        @Nullable String kind,
        @Nullable String ticketMinWan,
        @Nullable String ticketMaxWan,
        @Nullable List<String> industries,
        @Nullable List<String> stages,
        @Nullable String hometownTie,
        @Nullable String idempotencyKey,
        @Nullable String etag) {

    static final List<String> FIELDS = List.of(
            "name", "description", "kind", "ticketMinFen", "ticketMaxFen", "industries", "stages", "hometownTie");

    static InvestmentOfferForm empty() {
        return new InvestmentOfferForm(
                null,
                null,
                "equity",
                null,
                null,
                List.of(),
                List.of(),
                null,
                UUID.randomUUID().toString(),
                null);
    }

    static InvestmentOfferForm of(InvestmentOffer offer, @Nullable String etag) {
        return new InvestmentOfferForm(
                offer.getName(),
                offer.getDescription(),
                offer.getKind().getValue(),
                NumberInput.fenToWan(offer.getTicketMinFen()),
                NumberInput.fenToWan(offer.getTicketMaxFen()),
                List.copyOf(offer.getIndustries()),
                offer.getStages().stream().map(InvestmentStage::getValue).toList(),
                offer.getHometownTie(),
                null,
                etag);
    }

    public boolean hasIndustry(String code) {
        return industries != null && industries.contains(code);
    }

    public boolean hasStage(String code) {
        return stages != null && stages.contains(code);
    }

    /** Field (as the contract names it) → kind of input the console could not read. */
    Map<String, String> unreadable() {
        Map<String, String> unreadable = new LinkedHashMap<>();
        if (NumberInput.wanToFen(ticketMinWan) == null) {
            unreadable.put("ticketMinFen", "wan");
        }
        if (NumberInput.wanToFen(ticketMaxWan) == null) {
            unreadable.put("ticketMaxFen", "wan");
        }
        if (kind == null || kind.isBlank()) {
            unreadable.put("kind", "choose");
        }
        return unreadable;
    }

    /** The draft to send; call only when {@link #unreadable()} is empty. */
    @SuppressWarnings("NullAway") // checked by unreadable()
    InvestmentOfferDraft draft() {
        InvestmentOfferDraft draft = new InvestmentOfferDraft(
                name == null ? "" : name.strip(),
                InvestmentKind.fromValue(kind),
                NumberInput.wanToFen(ticketMinWan),
                NumberInput.wanToFen(ticketMaxWan),
                new LinkedHashSet<>(industries == null ? List.of() : industries),
                new LinkedHashSet<>((stages == null ? List.<String>of() : stages)
                        .stream().map(InvestmentStage::fromValue).toList()));
        if (description != null && !description.isBlank()) {
            draft.setDescription(description.strip());
        }
        if (hometownTie != null && !hometownTie.isBlank()) {
            draft.setHometownTie(hometownTie.strip());
        }
        return draft;
    }
}
