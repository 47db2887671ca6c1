package vn.docket.platform.eventstore;

/** A small event payload for the engine's tests. */
public record Noted(String id, long n) {
}
