package vn.docket.platform;

import java.util.List;

/**
 * The other ways a unit's name is written ("QLĐT", "Phòng QLĐT" for Phòng Quản lý đô thị), by its name: the unit
 * directory knows them (command side), the assignment list's search finds a unit's tasks by them (query side), and
 * a user's unit is kept under the directory's name (users).
 */
@FunctionalInterface
public interface UnitAliases {

    /** The unit's other names; none for a unit the directory does not know. */
    List<String> of(String unit);

    /**
     * The name a unit written another way ("TC-KH") is kept under, so that its staff and its tasks match; as written
     * for a name the directory does not know, and where there is no directory (a query node alone).
     */
    default String nameOf(String written) {
        return written;
    }

    /** Where no unit directory is loaded (a query node alone): no other names, every name as written. */
    static UnitAliases none() {
        return unit -> List.of();
    }
}
