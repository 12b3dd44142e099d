package dev.duijie.console.financing;

import dev.duijie.console.backend.model.RequestHistoryEntry;
import dev.duijie.console.backend.model.RequestHistoryPage;
import dev.duijie.console.signin.Person;
import dev.duijie.console.web.Formats;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A request's history (what {@code listFinancingRequestHistory} answers) as the firm reads it: each entry's time in
 * county time, who did it (the organization; "you" when it was the signed-in person; the platform when nobody did)
 * and what, as a sentence. Made into plain strings here, so the htmx fragment that loads older entries needs no bean
 * in its template.
 */
@Component
class RequestTimeline {

    private final Formats formats;
    private final MessageSource messages;

    RequestTimeline(Formats formats, MessageSource messages) {
        this.formats = formats;
        this.messages = messages;
    }

    /**
     * One entry.
     *
     * @param at the time as ISO-8601, for {@code <time datetime>}
     * @param when the time as the county reads it
     * @param kind what it happened to: {@code request}, {@code bid}, {@code guarantee-offer} or {@code interest}
     */
    record Line(UUID id, String at, String when, String who, String what, String kind, boolean byYou) {}

    /**
     * A page of the history.
     *
     * @param olderHref where the next (older) page is, null on the last page
     */
    record Timeline(List<Line> lines, @Nullable String olderHref) {}

    Timeline of(UUID requestId, @Nullable RequestHistoryPage page) {
        if (page == null) {
            return new Timeline(List.of(), null);
        }
        String next = page.getNextCursor();
        return new Timeline(
                lines(page.getItems()),
                next == null
                        ? null
                        : UriComponentsBuilder.fromPath("/requests/{id}/history")
                                .queryParam("cursor", next)
                                .buildAndExpand(requestId)
                                .encode()
                                .toUriString());
    }

    List<Line> lines(Collection<RequestHistoryEntry> entries) {
        @Nullable String you = signedInSubject();
        return entries.stream().map(entry -> line(entry, you)).toList();
    }

    private Line line(RequestHistoryEntry entry, @Nullable String you) {
        String action = entry.getAction().getValue();
        boolean byYou = you != null && you.equals(entry.getActorSubject());
        String organization = entry.getActorOrganizationName();
        String who = organization == null
                ? message("enterprise.history.who.platform")
                : byYou ? message("enterprise.history.who.you", organization) : organization;
        String what = message(
                "enterprise.history.action." + action,
                Objects.requireNonNullElse(entry.getBankName(), "—"),
                Objects.requireNonNullElse(entry.getGuarantorName(), "—"));
        OffsetDateTime at = entry.getOccurredAt();
        String kind = action.substring(0, action.indexOf('.'));
        return new Line(
                entry.getId(),
                at.toString(),
                formats.dateTime(at),
                who,
                what,
                switch (kind) {
                    case "financing-request" -> "request";
                    case "investment-interest" -> "interest";
                    default -> kind;
                },
                byYou);
    }

    private String message(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return Objects.requireNonNullElse(messages.getMessage(key, args, key, locale), key);
    }

    private static @Nullable String signedInSubject() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn != null && signedIn.getPrincipal() instanceof Person person ? person.getSubject() : null;
    }
}
