package vn.docket.command.assignment;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a person may do to an assignment, each one command, in the order the detail page offers them (what
 * the workflow expects next first). {@code GET /api/assignments/{id}/actions} names them as the page's forms
 * do: "handIn", "requestExtension".
 */
public enum Action {
    /** Đôn đốc: chase the unit that holds the work (SendReminder). */
    REMIND,
    DECIDE_EXTENSION,
    HAND_IN,
    SEND_BACK,
    APPROVE,
    REQUEST_EXTENSION,
    ISSUE,
    EXTEND,
    REASSIGN,
    CANCEL;

    @JsonValue
    public String key() {
        StringBuilder key = new StringBuilder();
        for (String word : name().toLowerCase().split("_")) {
            key.append(key.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return key.toString();
    }
}
