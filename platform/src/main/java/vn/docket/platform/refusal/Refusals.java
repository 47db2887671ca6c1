package vn.docket.platform.refusal;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import vn.docket.platform.eventstore.UnstorableText;

/**
 * Which failures of a command mean it was refused with nothing stored: a rule, a state, a permission, an unknown
 * aggregate, another command taking the same position first, or text the store refuses before writing. Problems
 * answers each with a 4xx. Any other failure (the database going away mid-command) leaves the outcome open: the
 * events may be on disk, so whoever cleans up after a refusal must not clean up after it.
 */
public final class Refusals {

    private Refusals() {
    }

    public static boolean nothingStored(Throwable failure) {
        return failure instanceof Refusal || failure instanceof NotFound || failure instanceof AggregateNotFoundException
                || failure instanceof ConcurrencyException || failure instanceof UnstorableText;
    }
}
