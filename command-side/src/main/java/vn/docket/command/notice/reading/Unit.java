package vn.docket.command.notice.reading;

import java.util.List;

/** A unit of the directory: its canonical name and the other ways notices write it. */
public record Unit(String name, List<String> aliases) {
    public Unit {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
