package dev.duijie.shared;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a list and the cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, @Nullable String nextCursor) {
}
