package vn.docket.command.assignment;

import vn.docket.platform.Text;
import vn.docket.platform.refusal.RuleBroken;

/**
 * What a command or a notice's item must carry: a text (a title, a reason) kept cleaned, as stored, blank breaking
 * the named rule; any other value (a date, a verdict) missing breaks it.
 */
public final class Required {

    private Required() {
    }

    public static <T> T value(T value, String rule, String message) {
        if (value == null) {
            throw new RuleBroken(rule, message);
        }
        return value;
    }

    public static String text(String value, String rule, String message) {
        String clean = Text.clean(value);
        if (clean == null) {
            throw new RuleBroken(rule, message);
        }
        return clean;
    }
}
