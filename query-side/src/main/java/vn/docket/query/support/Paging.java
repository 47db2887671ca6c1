package vn.docket.query.support;

import vn.docket.platform.refusal.RuleBroken;

/** Checks page and size parameters once, for every list. A page past the last one is empty, with the total. */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 200;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw new RuleBroken("page-negative", "page counts from 0 and cannot be negative.");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new RuleBroken("page-size", "size must be between 1 and " + MAX_SIZE + ".");
        }
        if ((long) p * s > Integer.MAX_VALUE) {
            // page * size would wrap around to a negative skip, which the database reads as the first page.
            throw new RuleBroken("page-out-of-range", "page " + p + " of " + s + " lies beyond any list Docket can hold.");
        }
        return new Paging(p, s);
    }

    public int skip() {
        return page * size;
    }
}
