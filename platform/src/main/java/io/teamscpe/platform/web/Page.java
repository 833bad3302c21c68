package io.teamscpe.platform.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list as a use case returns it: its items and how many the whole list holds. */
public record Page<T>(List<T> items, long total) {
    public <R> Page<R> map(Function<T, R> view) {
        return new Page<>(items.stream().map(view).toList(), total);
    }
}
