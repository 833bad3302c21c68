package io.teamscpe.platform.jdbc;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.teamscpe.platform.web.Page;
import io.teamscpe.platform.web.PageRequest;
import java.util.List;

/**
 * One page of a Panache query (already filtered and ordered, {@link PageRequest#orderBy}), counted and cut in the
 * database. The offset is a long: a page past the end is empty without a second query, never an overflow.
 */
public final class PagedQuery {
    private PagedQuery() {
    }

    public static <T> Page<T> page(PanacheQuery<T> query, PageRequest page) {
        long total = query.count();
        long offset = page.offset();
        List<T> items = offset >= total ? List.of()
                : query.range((int) offset, (int) Math.min(offset + page.size() - 1, Integer.MAX_VALUE)).list();
        return new Page<>(items, total);
    }
}
