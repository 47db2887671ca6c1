package vn.docket.command.notice.reading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.docket.platform.Text;
import vn.docket.platform.UnitAliases;

/**
 * The units a notice may assign work to, with the aliases notices use for them: the office's own
 * level, from {@code /notice/units.json} on the classpath or from a file the office edits, and
 * always the rest of the country ({@code /notice/country.json}: ministries, Government agencies, a
 * province's departments; the people's committees and councils of {@code /notice/places.json};
 * district and commune bodies by pattern). This class loads them; {@link MentionScanner} finds them in text.
 */
public final class UnitDirectory {

    /** The units of the rest of the country, matched whatever the office's own directory holds. */
    private static final List<Unit> COUNTRY = countryUnits();

    private final List<Unit> units;
    private final MentionScanner scanner;

    private UnitDirectory(List<Unit> units, List<String> genericPhrases) {
        this.units = List.copyOf(units);
        List<Unit> matched = new ArrayList<>(units);
        matched.addAll(COUNTRY);
        this.scanner = new MentionScanner(matched, genericPhrases);
    }

    /** The office's own directory, {@code docket.units.file}, or the one shipped with the application when none is set. */
    public static UnitDirectory configured(String file) {
        return file == null || file.isBlank() ? bundled() : load(Path.of(file));
    }

    /** The directory shipped with the application. */
    public static UnitDirectory bundled() {
        return of(Words.bundled("units.json"));
    }

    /** A directory the office maintains outside the application (same JSON format). */
    public static UnitDirectory load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read unit directory " + file, e);
        }
    }

    public static UnitDirectory load(InputStream json) throws IOException {
        return of(new ObjectMapper().readTree(json));
    }

    private static UnitDirectory of(JsonNode root) {
        List<String> generic = new ArrayList<>();
        root.path("generic").forEach(g -> generic.add(g.asText()));
        return new UnitDirectory(units(root), generic);
    }

    /** The office's own units (the country's are matched too, but not listed). */
    public List<Unit> all() {
        return units;
    }

    /** The unit a whole mention names ("phòng TC-KH", "Phòng Văn hóa - Thông tin thành phố"). */
    public Optional<Unit> resolve(String mention) {
        return scanner.resolve(mention);
    }

    /**
     * The office's own name for one of its units written another way ("TC-KH", "phòng Tài chính – Kế hoạch", "Kinh tế");
     * empty for a name that is none of the office's units (the country's are not renamed).
     */
    public Optional<String> ownName(String written) {
        return resolve(written).filter(units::contains).map(Unit::name);
    }

    /**
     * The name a unit is stored under: its own name for one of the office's units however it was typed, so that its
     * staff see what is assigned to it and its figures are counted once; any other name as written.
     */
    public String nameOf(String written) {
        return written == null ? null : ownName(written).orElse(written);
    }

    /** Each unit's other names by its name (matched as the search folds them: case, tone marks), and {@link #nameOf}. */
    public UnitAliases aliases() {
        Map<String, List<String>> byName = new HashMap<>();
        units.forEach(unit -> byName.putIfAbsent(Text.folded(unit.name()), unit.aliases()));
        return new UnitAliases() {
            @Override
            public List<String> of(String unit) {
                return unit == null ? List.of() : byName.getOrDefault(Text.folded(unit), List.of());
            }

            @Override
            public String nameOf(String written) {
                return UnitDirectory.this.nameOf(written);
            }
        };
    }

    /**
     * The units a mention names: one, or each unit of a shorthand list ("các Bộ: Công an, Tài
     * chính" names Bộ Công an and Bộ Tài chính), as canonical names or as written.
     */
    public List<String> members(UnitMention mention) {
        return scanner.members(mention);
    }

    /** True for words that name units in general rather than one unit ("các cơ quan liên quan"). */
    public boolean isGeneric(String mention) {
        return scanner.isGeneric(mention);
    }

    /**
     * The units named at the very start of {@code text}, one after another ("Sở Tài chính, Sở Xây
     * dựng và UBND các huyện chủ trì ..."), up to the first words that name no unit.
     */
    public List<UnitMention> leading(String text) {
        return scanner.leading(text);
    }

    /** Where the leading mentions of {@code text} end (0 when there are none). */
    public int leadingEnd(String text) {
        return scanner.leadingEnd(text);
    }

    private static List<Unit> countryUnits() {
        List<Unit> out = new ArrayList<>(units(Words.bundled("country.json")));
        out.addAll(councils());
        return List.copyOf(out);
    }

    /** "UBND tỉnh Lai Châu", "HĐND thành phố Hà Nội": each council of {@code words.json} for each place of places.json. */
    private static List<Unit> councils() {
        List<Unit> out = new ArrayList<>();
        for (Places.Province p : Places.all()) {
            for (Map.Entry<String, String> council : Words.pairs("councils").entrySet()) {
                String body = council.getKey();
                String full = council.getValue();
                List<String> aliases = new ArrayList<>(List.of(full + " " + p.withLevel(), body + " " + p.name()));
                for (String spelling : p.aliases()) {
                    aliases.add(body + " " + spelling);
                    aliases.add(body + " " + p.level() + " " + spelling);
                }
                out.add(new Unit(body + " " + p.withLevel(), aliases));
            }
        }
        return out;
    }

    /** The "units" array of a directory file: each a name and its aliases. */
    private static List<Unit> units(JsonNode root) {
        List<Unit> out = new ArrayList<>();
        for (JsonNode node : root.path("units")) {
            List<String> aliases = new ArrayList<>();
            node.path("aliases").forEach(a -> aliases.add(a.asText()));
            out.add(new Unit(node.path("name").asText(), aliases));
        }
        return out;
    }
}
