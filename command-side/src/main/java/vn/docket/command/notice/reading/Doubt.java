package vn.docket.command.notice.reading;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing the reader doubts: {@code code} and {@code params} for a page to say it in the reader's language (the web
 * app's i18n.js, "warning." + code, filled with the params; dates ISO, as the page writes them d/M/yyyy), and
 * {@code message}, the same in Vietnamese, for API clients and the command line.
 */
public record Doubt(String code, Map<String, String> params, String message) {

    public Doubt {
        params = Map.copyOf(params);
    }

    /** {@code keysAndValues}: "unit", "Sở Du lịch", ...; a null value is sent empty. */
    public static Doubt of(String code, String message, Object... keysAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            params.put((String) keysAndValues[i], keysAndValues[i + 1] == null ? "" : keysAndValues[i + 1].toString());
        }
        return new Doubt(code, params, message);
    }
}
