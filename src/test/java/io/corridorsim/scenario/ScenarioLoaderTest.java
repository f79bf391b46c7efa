package io.corridorsim.scenario;

import io.corridorsim.TestScenarios;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioLoaderTest {

    private static final Path FILE = Path.of("models", "bad.yaml");

    private static ScenarioException fail(String yaml, String... sets) {
        return assertThrows(ScenarioException.class, () -> new ScenarioLoader().parse(FILE, yaml, List.of(sets)));
    }

    private static String replace(String from, String to) {
        assertTrue(TestScenarios.SMALL.contains(from), "test setup: " + from);
        return TestScenarios.SMALL.replace(from, to);
    }

    @Test
    void theSmallScenarioLoadsAndRoundTripsThroughItsResolvedYaml() {
        ScenarioLoader loader = new ScenarioLoader();
        Scenario s = loader.parse(FILE, TestScenarios.SMALL, List.of());
        String resolved = loader.toYaml(s);
        Scenario again = loader.parse(FILE, resolved, List.of());
        assertEquals(s, again);
        assertTrue(resolved.contains("required_remuneration_pct: 1.62"), "defaults are written out");
        assertTrue(resolved.contains("ceiling_7d_pct: 2.25"), resolved);
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        ScenarioException e = fail("name: x\nstart_date: 2025-01-02\ncorridor: {floor_pct: 0.35\n");
        assertTrue(e.line() >= 3, e.getMessage());
        assertTrue(e.getMessage().startsWith("models/bad.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("YAML syntax error"), e.getMessage());
    }

    @Test
    void unknownKeyNamesThePathTheLineAndTheKnownKeys() {
        ScenarioException e = fail(replace("corridor: {floor_pct: 0.35,", "corridor: {flor_pct: 0.35, floor_pct: 0.35,"));
        assertEquals("corridor.flor_pct", e.keyPath());
        assertTrue(e.getMessage().contains("unknown key 'flor_pct'"), e.getMessage());
        assertTrue(e.getMessage().contains("floor_pct"), "lists the known keys: " + e.getMessage());
        assertEquals(5, e.line(), e.getMessage());
    }

    @Test
    void unknownKeyInsideAListItem() {
        ScenarioException e = fail(replace("{name: mid, count: 10,", "{name: mid, count: 10, colour: red,"));
        assertEquals("banks.groups[1].colour", e.keyPath(), e.getMessage());
        assertEquals(12, e.line(), e.getMessage());
    }

    @Test
    void missingKeyNamesTheKey() {
        ScenarioException e = fail(replace("corridor: {floor_pct: 0.35, ceiling_pct: 2.25, policy_rate_pct: 1.40}",
                "corridor: {floor_pct: 0.35, policy_rate_pct: 1.40}"));
        assertEquals("corridor.ceiling_pct", e.keyPath());
        assertTrue(e.getMessage().contains("missing required key"), e.getMessage());
        assertEquals(5, e.line());
    }

    @Test
    void wrongTypeSaysWhatWasExpected() {
        ScenarioException e = fail(replace("count: 10,", "count: ten,"));
        assertEquals("banks.groups[1].count", e.keyPath());
        assertTrue(e.getMessage().contains("expected a whole number"), e.getMessage());
        ScenarioException f = fail(replace("floor_pct: 0.35", "floor_pct: low"));
        assertEquals("corridor.floor_pct", f.keyPath());
        assertTrue(f.getMessage().endsWith("expected a number, got 'low'"), f.getMessage());
    }

    @Test
    void floorAboveCeilingIsRejected() {
        ScenarioException e = fail(replace("floor_pct: 0.35", "floor_pct: 2.50"));
        assertEquals("corridor.floor_pct", e.keyPath());
        assertTrue(e.getMessage().contains("must be below the ceiling_pct"), e.getMessage());
    }

    @Test
    void negativeSigmaAndDepositsAreRejected() {
        ScenarioException e = fail(TestScenarios.SMALL, "banks.groups[1].shock_sigma.sigma_bn=-4");
        assertEquals("banks.groups[1].shock_sigma.sigma_bn", e.keyPath());
        assertTrue(e.getMessage().contains("expected a number > 0"), e.getMessage());
        ScenarioException d = fail(replace("median_bn: 8000", "median_bn: -8000"));
        assertEquals("banks.groups[0].deposits.median_bn", d.keyPath());
    }

    @Test
    void nanIsRejected() {
        ScenarioException e = fail(replace("policy_rate_pct: 1.40", "policy_rate_pct: .nan"));
        assertEquals("corridor.policy_rate_pct", e.keyPath());
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
        assertEquals(5, e.line());
        ScenarioException f = fail(replace("policy_rate_pct: 1.40", "policy_rate_pct: NaN"));
        assertEquals("corridor.policy_rate_pct", f.keyPath());
        assertTrue(f.getMessage().contains("expected a finite number"), f.getMessage());
    }

    @Test
    void overridesApplyAndTheirErrorsSayTheyCameFromTheCommandLine() {
        Scenario s = new ScenarioLoader().parse(FILE, TestScenarios.SMALL, List.of("central_bank.rule=full_allotment",
                "banks.groups[2].count=3", "market.term.persistence=0.9"));
        assertEquals("full_allotment", s.centralBank().rule());
        assertEquals(3, s.banks().groups().get(2).count());
        assertEquals(0.9, s.market().term().persistence());
        ScenarioException e = fail(TestScenarios.SMALL, "central_bank.rulez=x");
        assertEquals("central_bank.rulez", e.keyPath());
        assertTrue(e.getMessage().contains("--set"), e.getMessage());
        ScenarioException f = fail(TestScenarios.SMALL, "central_bank.rule=magic");
        assertTrue(f.getMessage().contains("expected one of"), f.getMessage());
    }

    @Test
    void emptyAndNonMappingFilesAreRejected() {
        assertTrue(fail("").getMessage().contains("empty"));
        assertTrue(fail("- a\n- b\n").getMessage().contains("mapping"));
    }

    @Test
    void duplicateKeysAreRejected() {
        ScenarioException e = fail("name: a\nname: b\n");
        assertTrue(e.getMessage().contains("name"), e.getMessage());
    }

    @Test
    void aMistypedKeyAloneIsUnknownNotAMissingOneAndTheNearestKeyIsSuggested() {
        ScenarioException e = fail(replace("corridor: {floor_pct: 0.35,", "corridor: {flor_pct: 0.35,"));
        assertEquals("corridor.flor_pct", e.keyPath(), e.getMessage());
        assertTrue(e.problem().startsWith("unknown key 'flor_pct'; did you mean 'floor_pct'? Valid keys here: "), e.problem());
        ScenarioException far = fail(replace("corridor: {floor_pct: 0.35,", "corridor: {floor_pct: 0.35, colour: red,"));
        assertTrue(far.problem().startsWith("unknown key 'colour'; valid keys here: "), "no suggestion for a key unlike any: " + far.problem());
        assertEquals(null, ScenarioLoader.nearest("colour", List.of("floor_pct", "ceiling_pct")));
        assertEquals("policy_rate_pct", ScenarioLoader.nearest("policy_rat_pct", List.of("floor_pct", "policy_rate_pct")));
    }

    @Test
    void calendarDirResolvesNextToTheFileElseUnderADataRootAndBecomesAbsolute(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws java.io.IOException {
        Path file = tmp.resolve("s.yaml");
        java.nio.file.Files.writeString(file, TestScenarios.SMALL);
        Path root = Path.of("models").toAbsolutePath();
        Scenario shipped = new ScenarioLoader(List.of(root)).load(file, List.of());
        assertEquals(root.resolve("calendar").toString(), shipped.calendarDir(), "found under the data root");
        java.nio.file.Files.createDirectories(tmp.resolve("calendar"));
        Scenario own = new ScenarioLoader(List.of(root)).load(file, List.of());
        assertEquals(tmp.resolve("calendar").toString(), own.calendarDir(), "the scenario's own folder comes first");
        Scenario missing = new ScenarioLoader(List.of(root)).load(file, List.of("calendar_dir=nowhere"));
        assertEquals("nowhere", missing.calendarDir(), "left as written, for the compiler to report");
    }
}
