package vn.docket.command.notice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.command.notice.reading.Unit;
import vn.docket.command.notice.reading.UnitDirectory;
import vn.docket.platform.Text;

/** The unit directory the notice reader uses, for pages that offer unit names (the users page) or find them (the search). */
@RestController
@Tag(name = "Notices")
class UnitDirectoryController {

    private final UnitDirectory units;

    UnitDirectoryController(UnitDirectory units) {
        this.units = units;
    }

    @GetMapping("/api/units")
    @Operation(summary = "The units of the directory: canonical name and the other ways notices write it; with q, those whose"
            + " name or another way holds every word of q, typed with or without tone marks, as assignments are searched")
    List<Unit> all(@RequestParam(required = false) String q) {
        List<String> words = q == null ? List.of() : List.of(Text.folded(q).trim().split("\\s+"));
        return units.all().stream().filter(u -> Stream.concat(Stream.of(u.name()), u.aliases().stream()).map(Text::folded)
                .anyMatch(name -> words.stream().allMatch(name::contains))).toList();
    }
}
