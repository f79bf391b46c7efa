package io.corridorsim.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void twoRunsForTheSameDefaultDestinationBothLandAndNeitherIsMixed() throws IOException {
        Path dest = tmp.resolve("runs/s/20250101T000000Z");
        RunDirectory a = RunDirectory.createDefault(dest);
        RunDirectory b = RunDirectory.createDefault(dest);
        Files.writeString(a.path().resolve("who"), "a");
        Files.writeString(b.path().resolve("who"), "b");
        Path pa = a.commit();
        Path pb = b.commit();
        assertEquals(dest, pa);
        assertEquals(dest.resolveSibling("20250101T000000Z-2"), pb);
        assertEquals("a", Files.readString(pa.resolve("who")));
        assertEquals("b", Files.readString(pb.resolve("who")));
        assertEquals(List.of("20250101T000000Z", "20250101T000000Z-2"), names(dest.getParent()));
    }

    @Test
    void anExplicitDestinationFilledMeanwhileFailsAndCleansUp() throws IOException {
        Path dest = tmp.resolve("out");
        RunDirectory a = RunDirectory.create(dest);
        Files.createDirectories(dest);
        Files.writeString(dest.resolve("theirs"), "x");
        OutputException e = assertThrows(OutputException.class, a::commit);
        assertTrue(e.getMessage().contains("filled by another process"), e.getMessage());
        assertEquals(List.of("out"), names(tmp), "the temporary folder is gone");
        assertEquals(List.of("theirs"), names(dest));
    }

    @Test
    void abortRemovesEverything() throws IOException {
        RunDirectory a = RunDirectory.create(tmp.resolve("x"));
        Files.createDirectories(a.path().resolve("sub"));
        Files.writeString(a.path().resolve("sub/f"), "x");
        a.abort();
        assertEquals(List.of(), names(tmp));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
