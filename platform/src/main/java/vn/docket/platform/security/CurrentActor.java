package vn.docket.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.docket.events.Actor;
import vn.docket.events.Role;
import vn.docket.platform.refusal.NotAllowed;

/** The authenticated person behind the current request: the only source of an event's actor. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Actor get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof DocketUser user) {
            return user.actor();
        }
        throw new IllegalStateException("No authenticated Docket user on this request");
    }

    /** The person behind the request, who must be an administrator to do what {@code may} names. */
    public static Actor admin(String may) {
        Actor actor = get();
        if (actor.role() != Role.ADMIN) {
            throw new NotAllowed("admins-only", "Only an administrator may " + may + ".");
        }
        return actor;
    }
}
