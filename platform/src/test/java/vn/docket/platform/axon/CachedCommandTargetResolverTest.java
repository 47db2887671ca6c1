package vn.docket.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

class CachedCommandTargetResolverTest {

    record Approve(@TargetAggregateIdentifier UUID assignmentId, String note) {
    }

    record Versioned(@TargetAggregateIdentifier String id, @TargetAggregateVersion Integer version) {
    }

    static class FieldCommand {
        @TargetAggregateIdentifier
        private final String target = "by-field";
    }

    record Untargeted(String id) {
    }

    private final CachedCommandTargetResolver resolver = new CachedCommandTargetResolver();
    private final AnnotationCommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    @Test
    void it_finds_the_same_aggregate_and_version_as_axons_own_resolver_every_time() {
        UUID id = UUID.randomUUID();
        for (Object command : new Object[] {new Approve(id, "đồng ý"), new Approve(UUID.randomUUID(), null),
                new Versioned("a", 7), new Versioned("b", null), new FieldCommand()}) {
            GenericCommandMessage<Object> message = new GenericCommandMessage<>(command);
            assertThat(resolver.resolveTarget(message)).as(command.toString()).isEqualTo(axons.resolveTarget(message));
        }
        assertThat(resolver.resolveTarget(new GenericCommandMessage<>(new Approve(id, "x"))).getIdentifier())
                .isEqualTo(id.toString());
        assertThat(resolver.resolveTarget(new GenericCommandMessage<>(new Versioned("a", 7))).getVersion()).isEqualTo(7L);
    }

    @Test
    void a_command_that_names_no_aggregate_is_refused_with_its_name() {
        assertThatThrownBy(() -> resolver.resolveTarget(new GenericCommandMessage<>(new Untargeted("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Untargeted");
        assertThatThrownBy(() -> resolver.resolveTarget(new GenericCommandMessage<>(new Approve(null, "x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Approve");
    }
}
