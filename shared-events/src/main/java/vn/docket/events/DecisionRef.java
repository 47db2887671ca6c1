package vn.docket.events;

import java.time.LocalDate;

/** A decision of an outside body (e.g. Ban Thường vụ Thành ủy), cited when a clerk records its approval. */
public record DecisionRef(String number, LocalDate date) {
}
