package vn.docket.command.notice.reading;

import java.util.Map;

/**
 * A field the clerk should check: {@code field} is a path such as "items[2].deadline"; {@code code} and {@code params}
 * say why in any language the page speaks, {@code message} in Vietnamese (see {@link Doubt}).
 */
public record ReadingWarning(String field, String message, String code, Map<String, String> params) {

    public ReadingWarning(String field, Doubt doubt) {
        this(field, doubt.message(), doubt.code(), doubt.params());
    }
}
