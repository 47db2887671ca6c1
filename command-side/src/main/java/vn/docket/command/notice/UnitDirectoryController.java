package vn.docket.command.notice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.command.notice.reading.Unit;
import vn.docket.command.notice.reading.UnitDirectory;

/** The unit directory the notice reader uses, for pages that offer unit names (the users page). */
@RestController
@Tag(name = "Notices")
class UnitDirectoryController {

    private final UnitDirectory units;

    UnitDirectoryController(UnitDirectory units) {
        this.units = units;
    }

    @GetMapping("/api/units")
    @Operation(summary = "The units of the directory: canonical name and the other ways notices write it")
    List<Unit> all() {
        return units.all();
    }
}
