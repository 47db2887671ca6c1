package vn.docket.query.assignments;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.docket.events.Actor;
import vn.docket.platform.UnitAliases;
import vn.docket.platform.security.DocketUser;

/** For tests of the query side's controllers: who is signed in, and the index, visibility and lookup they are given. */
public final class TestReadSide {

    private TestReadSide() {
    }

    /** An index that counts as caught up: feed it events through its handlers. */
    public static AssignmentIndex index() {
        return new AssignmentIndex(() -> true, Duration.ZERO);
    }

    /** As on a query node without the unit directory: unit filters taken as written. */
    public static ObjectProvider<UnitAliases> noUnitDirectory() {
        return new StaticListableBeanFactory().getBeanProvider(UnitAliases.class);
    }

    public static Visibility visibility(AssignmentIndex index) {
        return new Visibility(index);
    }

    /** The visibility rule over an empty index (clerks see everything). */
    public static Visibility overAnEmptyIndex() {
        return visibility(index());
    }

    public static AssignmentLookup lookup(MongoDatabase database, AssignmentIndex index, Clock clock) {
        return new AssignmentLookup(database, index, clock);
    }

    /** The list projection that keeps the assignments the lookup reads: feed it events through its handlers. */
    public static Object listProjection(MongoDatabase database) {
        return new AssignmentListProjection(database);
    }

    /** Signs {@code actor} in on this thread, as a request would (clear it with SecurityContextHolder.clearContext()). */
    public static void signIn(Actor actor) {
        DocketUser user = new DocketUser(actor, null);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }
}
