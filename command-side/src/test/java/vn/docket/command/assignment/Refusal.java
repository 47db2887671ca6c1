package vn.docket.command.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * A refusal with its rule code: a test named for one rule must fail when another rule refuses the command
 * (RuleBroken, StateConflict and NotAllowed all name theirs).
 */
public final class Refusal {

    private Refusal() {
    }

    public static <T extends RuntimeException> Matcher<T> refused(Class<T> type, String rule) {
        return new TypeSafeMatcher<>(type) {
            @Override
            protected boolean matchesSafely(T refusal) {
                return rule.equals(ruleOf(refusal));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName() + " with rule " + rule);
            }

            @Override
            protected void describeMismatchSafely(T refusal, Description mismatch) {
                mismatch.appendText("rule was " + ruleOf(refusal) + ": " + refusal.getMessage());
            }
        };
    }

    /** For a rule's own type, tested without the aggregate: {@code step} is refused with {@code type} naming {@code rule}. */
    static void assertRefused(ThrowingCallable step, Class<? extends RuntimeException> type, String rule) {
        assertThatThrownBy(step).isInstanceOf(type)
                .satisfies(refusal -> assertThat(ruleOf((RuntimeException) refusal)).as(refusal.getMessage()).isEqualTo(rule));
    }

    static String ruleOf(RuntimeException refusal) {
        try {
            return (String) refusal.getClass().getMethod("rule").invoke(refusal);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(refusal.getClass() + " names no rule", e);
        }
    }
}
