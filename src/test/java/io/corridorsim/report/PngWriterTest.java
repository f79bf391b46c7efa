package io.corridorsim.report;

import io.corridorsim.model.ModelSpec;
import io.corridorsim.montecarlo.MonteCarlo;
import io.corridorsim.montecarlo.RunSummary;
import io.corridorsim.scenario.ScenarioCompiler;
import io.corridorsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The plots' PNG writer gives ImageIO's file byte for byte, and the image it was given. */
class PngWriterTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static byte[] ours(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngWriter.write(img, out);
        return out.toByteArray();
    }

    private static byte[] imageIo(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static void sameAsImageIo(String name, BufferedImage img) throws IOException {
        byte[] ours = ours(img);
        assertArrayEquals(imageIo(img), ours, name + ": ImageIO's bytes");
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(ours));
        assertEquals(img.getWidth(), back.getWidth(), name);
        assertEquals(img.getHeight(), back.getHeight(), name);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                assertEquals(img.getRGB(x, y), back.getRGB(x, y), name + ": pixel " + x + "," + y);
            }
        }
    }

    @Test
    void chartsAreImageIosPngs() throws IOException {
        Path file = Path.of("models", "pboc-2017.yaml");
        ModelSpec spec = ScenarioCompiler.compile(new ScenarioLoader().load(file, List.of("days=60")), file);
        RunSummary r = Runs.run(spec, new MonteCarlo.Plan(3, 7, 1), tmp.resolve("run")).summary();
        sameAsImageIo("corridor", BitmapEncoder.getBufferedImage(Plots.corridorChart(r)));
        sameAsImageIo("rate_histogram", BitmapEncoder.getBufferedImage(Plots.histogramChart(r)));
    }

    @Test
    void noiseSpanningManyIdatChunksAndOddSizesAreImageIosPngs() throws IOException {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int[] size : new int[][] {{1, 1}, {517, 233}, {64, 1}, {1, 300}}) {
            BufferedImage img = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    img.setRGB(x, y, rnd.nextInt(1 << 24));
                }
            }
            sameAsImageIo(size[0] + "x" + size[1], img);
        }
    }

    @Test
    void onlyRgbImages() {
        assertThrows(IllegalArgumentException.class, () -> ours(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB)));
    }
}
