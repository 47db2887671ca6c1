package vn.docket.events;

/** A named person acting for a unit in a role; unit is null for people who act for no unit (auditor, admin). */
public record Actor(String id, String name, String unit, Role role) {

    /** Docket itself, for work it does on its own (demo data, scheduled reminders). */
    public static final Actor SYSTEM = new Actor("docket", "Docket", null, Role.SYSTEM);
}
