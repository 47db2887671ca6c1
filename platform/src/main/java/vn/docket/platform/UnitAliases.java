package vn.docket.platform;

import java.util.List;

/**
 * The other ways a unit's name is written ("QLĐT", "Phòng QLĐT" for Phòng Quản lý đô thị), by its name: the unit
 * directory knows them (command side), the assignment list's search finds a unit's tasks by them (query side).
 */
@FunctionalInterface
public interface UnitAliases {

    /** The unit's other names; none for a unit the directory does not know. */
    List<String> of(String unit);
}
