package vn.docket.platform.security;

import java.util.UUID;
import vn.docket.events.Actor;

/**
 * Whether a person may know that an assignment exists. The query side answers it from what it has indexed (who
 * leads, coordinates, feeds); the command side asks it where it answers about an assignment, so that a unit's staff
 * cannot learn there what its reads would not tell them.
 */
public interface AssignmentVisibility {

    /** Throws NotFound unless this person may see the assignment. */
    void requireVisible(Actor actor, UUID id);
}
