package vn.docket.platform.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.docket.events.Actor;

/** A signed-in person: the {@link Actor} recorded on everything they do, plus their password hash. */
public record DocketUser(Actor actor, String passwordHash) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.id();
    }

    @Override
    public String toString() {
        return "DocketUser[" + actor.id() + "]"; // never the hash
    }
}
