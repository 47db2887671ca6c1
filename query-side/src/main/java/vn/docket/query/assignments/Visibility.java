package vn.docket.query.assignments;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import vn.docket.events.Actor;
import vn.docket.platform.refusal.NotFound;
import vn.docket.platform.security.AssignmentVisibility;

/**
 * What a person may see. Clerks, leaders, auditors and the administrator see everything. Unit staff and
 * heads see the assignments their unit leads or coordinates, and those their unit's contributions feed.
 * An assignment a unit may not see does not exist for it (404), so ids cannot be probed. Answered from the
 * in-memory {@link AssignmentIndex}, never by scanning the read model.
 */
@Component
public class Visibility implements AssignmentVisibility {

    private final AssignmentIndex index;

    Visibility(AssignmentIndex index) {
        this.index = index;
    }

    public static boolean seesEverything(Actor actor) {
        return !actor.role().isUnitMember();
    }

    /** What this person may see of the index, or null when they see everything. */
    Predicate<AssignmentIndex.Entry> filter(Actor actor) {
        if (seesEverything(actor)) {
            return null;
        }
        index.awaitCaughtUp();
        String unit = actor.unit() == null ? "" : actor.unit();
        Set<String> fed = index.fedBy(unit);
        return a -> a.involves(unit) || fed.contains(a.id());
    }

    /**
     * What a list or a count for this person walks, and what of it they may see ({@code visible}, null: all of it).
     * With {@code unit}, that unit's entries; else all of them for who sees everything, and for a unit's staff exactly
     * what their unit sees (its own entries and the work it feeds), so that their passes test no visibility rule.
     */
    record Walk(IndexColumns entries, Predicate<AssignmentIndex.Entry> visible) {
    }

    Walk walk(Actor actor, String unit) {
        if (seesEverything(actor)) {
            return new Walk(unit == null ? index.inOrder() : index.inOrder(unit), null);
        }
        index.awaitCaughtUp();
        String own = actor.unit() == null ? "" : actor.unit();
        Set<String> fed = index.fedBy(own);
        if (unit == null) {
            return new Walk(index.seenBy(own, fed), null);
        }
        return new Walk(index.inOrder(unit), a -> a.involves(own) || fed.contains(a.id()));
    }

    /** Ids of every assignment this person may see, or null when they see everything. */
    public List<String> visibleIds(Actor actor) {
        // A unit's staff's walk is exactly what they may see.
        return seesEverything(actor) ? null
                : Arrays.stream(walk(actor, null).entries().entries()).map(AssignmentIndex.Entry::id).toList();
    }

    @Override
    public void requireVisible(Actor actor, UUID id) {
        Predicate<AssignmentIndex.Entry> filter = filter(actor);
        if (filter != null && !index.get(id.toString()).filter(filter).isPresent()) {
            throw new NotFound("No assignment with id " + id + ".");
        }
    }
}
