package io.teamscpe.platform.web;

import io.teamscpe.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which page of a list a caller asked for, as every list of the API takes it: {@code page} (0-based), {@code size}
 * (1 to {@value #MAX_SIZE}, {@value #DEFAULT_SIZE} when only {@code page} is given) and an optional {@code sort}
 * ({@code field} or {@code field,asc|desc}) among the fields the list allows. Without {@code page} and {@code size}
 * the list comes whole, as every list of {@code /api} v1 did before it was paged: a client written then keeps
 * reading every item (see the README's compatibility policy); it still gets the totals and links. Out of range is a 400 {@code invalid-page}, an unknown
 * sort field a 400 {@code invalid-sort} naming the allowed ones. {@link PageLinks} answers with the totals and links.
 */
public record PageRequest(int page, int size, Sort sort) {
    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;
    /** Bounded so that a page past the end is simply empty, and page × size stays far from overflowing. */
    public static final int MAX_PAGE = 1_000_000;
    /** The size of a request that named neither page nor size: the whole list on one page. */
    static final int WHOLE = Integer.MAX_VALUE;

    public static final String PAGE_DOC = "The page to return, 0-based (0 to 1000000; default 0). The response's "
            + "Link header names the first, prev, next and last pages; X-Total-Count says how many items there are.";
    public static final String SIZE_DOC = "Items per page (1 to 1000; 100 when only page is given). Without page "
            + "and size the list comes whole, as before lists were paged (compatibility of /api v1).";
    public static final String SORT_DOC = "Sort order: a field, optionally followed by ',asc' or ',desc' "
            + "(e.g. 'name,desc'); ties are broken by id, so pages never overlap. Fields: ";

    /** A sort field and direction; null in a page request when the caller asked for the list's own order. */
    public record Sort(String field, boolean descending) {
    }

    /**
     * Reads and checks the query parameters of a list. {@code page} and {@code size} may be null (the defaults);
     * {@code sort} may be null or blank (the list's own order), else one of {@code sortable}.
     */
    public static PageRequest of(Integer page, Integer size, String sort, List<String> sortable) {
        Sort order = sort == null || sort.isBlank() ? null : sort(sort.trim(), sortable);
        if (page == null && size == null) {
            return new PageRequest(0, WHOLE, order);
        }
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0 || p > MAX_PAGE) {
            throw outOfRange("page", p, 0, MAX_PAGE);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw outOfRange("size", s, 1, MAX_SIZE);
        }
        return new PageRequest(p, s, order);
    }

    private static ProblemException outOfRange(String parameter, int value, int min, int max) {
        return ProblemException.badRequest("invalid-page", "Page or size out of range", "'" + parameter + "' is "
                        + value + "; it must be from " + min + " to " + max + ". Follow the Link header's next "
                        + "link to read a long list page by page.")
                .with("parameter", parameter).with("minimum", min).with("maximum", max);
    }

    private static Sort sort(String sort, List<String> sortable) {
        int comma = sort.indexOf(',');
        String field = (comma < 0 ? sort : sort.substring(0, comma)).trim();
        String direction = comma < 0 ? "asc" : sort.substring(comma + 1).trim().toLowerCase(Locale.ROOT);
        if (!sortable.contains(field) || !(direction.equals("asc") || direction.equals("desc"))) {
            String shown = sort.length() > 100 ? sort.substring(0, 100) + "…" : sort;
            throw ProblemException.badRequest("invalid-sort", "Unknown sort order", "This list cannot be sorted by '"
                            + shown + "'. Send sort=<field> or sort=<field>,desc with one of these fields: "
                            + String.join(", ", sortable) + ".")
                    .with("allowed", sortable);
        }
        return new Sort(field, direction.equals("desc"));
    }

    /** Whether the caller named neither page nor size: the whole list, without paging links. */
    public boolean whole() {
        return size == WHOLE;
    }

    /** How many items come before this page (a long: never an overflow). */
    public long offset() {
        return (long) page * size;
    }

    /** The page's items of a list held whole, in its own order. */
    public <T> List<T> slice(List<T> all) {
        long from = offset();
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(from + size, all.size()));
    }

    /**
     * The page's items of a list held whole (a computed report), sorted when asked by the comparator of the sort
     * field ({@code orders} holds one per sortable field); ties keep the list's own order.
     */
    public <T> List<T> slice(List<T> all, Map<String, Comparator<T>> orders) {
        if (sort == null) {
            return slice(all);
        }
        Comparator<T> order = orders.get(sort.field());
        List<T> sorted = new ArrayList<>(all);
        sorted.sort(sort.descending() ? order.reversed() : order);
        return slice(sorted);
    }

    /**
     * The ORDER BY clause (JPQL/HQL) of this page: the sort field's expression from {@code expressions} (one per
     * sortable field) in the direction asked, or {@code ownOrder} when no sort was asked; always ending with
     * {@code tieBreak} (a unique column), so that pages never overlap nor skip an item.
     */
    public String orderBy(Map<String, String> expressions, String ownOrder, String tieBreak) {
        String first = sort == null ? ownOrder
                : expressions.get(sort.field()) + (sort.descending() ? " desc" : " asc");
        return " order by " + first + ", " + tieBreak;
    }
}
