package vn.docket.command.dispatch;

import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import vn.docket.events.Actor;
import vn.docket.events.EventMetadata;
import vn.docket.platform.security.CurrentActor;

/**
 * Sends a command as the signed-in user: every command gets a fresh command id and the actor's identity
 * in its metadata, and Axon copies both onto the events it produces. Returns once the events are stored.
 */
@Component
public class CommandDispatcher {

    private final CommandGateway gateway;

    public CommandDispatcher(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command) {
        return sendAs(CurrentActor.get(), command);
    }

    public <R> R sendAs(Actor actor, Object command) {
        String commandId = UUID.randomUUID().toString();
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(EventMetadata.of(actor, commandId)));
    }
}
