package io.teamscpe.emulator.http;

/** Wraps the dispatch of every request: may delay it, answer in place of the route, or pass it on. */
@FunctionalInterface
public interface Interceptor {

    /** Passes every request straight to its route. */
    Interceptor NONE = (request, next) -> next.handle(request);

    Response intercept(Request request, Handler next);
}
