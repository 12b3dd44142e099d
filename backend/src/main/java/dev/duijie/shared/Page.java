package dev.duijie.shared;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** One page of a list and the cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

    /**
     * The page from a query that asked for {@code limit + 1} rows: the extra row only tells that there
     * is a next page, which starts after the last row shown.
     */
    public static <T> Page<T> of(List<T> rowsPlusOne, int limit, Function<T, PageCursor> positionOf) {
        if (rowsPlusOne.size() <= limit) {
            return new Page<>(rowsPlusOne, null);
        }
        List<T> shown = rowsPlusOne.subList(0, limit);
        return new Page<>(shown, positionOf.apply(shown.getLast()).encode());
    }
}
