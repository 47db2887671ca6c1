package vn.docket.query.support;

import java.util.List;

/** One page of a list: {"items", "page", "size", "total"}; pages count from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
