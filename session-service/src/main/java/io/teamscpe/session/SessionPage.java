package io.teamscpe.session;

import java.util.List;

/** One page of a firm's sessions by scheduled start, and how many there are in all. */
public record SessionPage(List<Session> items, int page, int size, long total) {
}
