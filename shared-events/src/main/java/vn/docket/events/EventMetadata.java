package vn.docket.events;

import java.util.Map;

/**
 * Keys of the metadata every command and event carries. The actor comes from the authenticated user,
 * never from a request body; the recording time is the message timestamp and is never back-dated.
 */
public final class EventMetadata {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_NAME = "actorName";
    public static final String ACTOR_UNIT = "actorUnit";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String COMMAND_ID = "commandId";

    private EventMetadata() {
    }

    public static Map<String, String> of(Actor actor, String commandId) {
        return Map.of(
                ACTOR_ID, actor.id(),
                ACTOR_NAME, actor.name(),
                ACTOR_UNIT, actor.unit() == null ? "" : actor.unit(),
                ACTOR_ROLE, actor.role().name(),
                COMMAND_ID, commandId);
    }

    public static Actor actorFrom(Map<String, ?> metaData) {
        Object role = metaData.get(ACTOR_ROLE);
        Object unit = metaData.get(ACTOR_UNIT);
        return new Actor(
                String.valueOf(metaData.get(ACTOR_ID)),
                String.valueOf(metaData.get(ACTOR_NAME)),
                unit == null || unit.toString().isEmpty() ? null : unit.toString(),
                role == null ? Role.SYSTEM : Role.valueOf(role.toString()));
    }
}
