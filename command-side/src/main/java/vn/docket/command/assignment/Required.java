package vn.docket.command.assignment;

import vn.docket.platform.Text;
import vn.docket.platform.refusal.RuleBroken;

/** A text a command must carry (a title, a reason): kept cleaned, as stored; blank breaks the named rule. */
final class Required {

    private Required() {
    }

    static String text(String value, String rule, String message) {
        String clean = Text.clean(value);
        if (clean == null) {
            throw new RuleBroken(rule, message);
        }
        return clean;
    }
}
