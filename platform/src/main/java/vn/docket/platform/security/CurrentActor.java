package vn.docket.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.docket.events.Actor;

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
}
