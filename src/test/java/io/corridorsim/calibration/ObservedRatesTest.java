package io.corridorsim.calibration;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** DOMAIN §6 targets, recomputed from the project's own copy of the data. */
class ObservedRatesTest {

    private final ObservedRates data = ObservedRates.load(Path.of("models/data"));

    @Test
    void policyRatePathOf2017() {
        assertEquals(2.25, data.policyPct(LocalDate.of(2017, 2, 2)), 0);
        assertEquals(2.35, data.policyPct(LocalDate.of(2017, 2, 3)), 0);
        assertEquals(2.45, data.policyPct(LocalDate.of(2017, 3, 16)), 0);
        assertEquals(2.50, data.policyPct(LocalDate.of(2017, 12, 14)), 0);
    }

    @Test
    void domainTargetsComeOutOfTheData() {
        // DOMAIN §6: 1W SHIBOR − policy mean 12bp (2016), 38bp (2017), 20bp (2018); O/N −18, +20, −6; AR(1) ≈ 0.96.
        assertEquals(12, data.year(2016).oneWeek().meanBp(), 0.5);
        assertEquals(38, data.year(2017).oneWeek().meanBp(), 0.5);
        assertEquals(20, data.year(2018).oneWeek().meanBp(), 0.5);
        assertEquals(-18, data.year(2016).overnight().meanBp(), 0.6);
        assertEquals(20, data.year(2017).overnight().meanBp(), 0.5);
        assertEquals(-6, data.year(2018).overnight().meanBp(), 0.5);
        for (int y = 2016; y <= 2018; y++) {
            assertEquals(0.96, data.year(y).oneWeek().ar1(), 0.01, "AR(1) " + y);
            double sd = data.year(y).oneWeek().sdBp();
            double sdChange = data.year(y).oneWeek().sdChangeBp();
            assertEquals(true, sd >= 6.5 && sd <= 13.5, "sd of the 1W spread " + sd + " in " + y);
            assertEquals(true, sdChange >= 1 && sdChange <= 3.2, "sd of 1W daily changes " + sdChange + " in " + y);
        }
        assertThrows(IllegalArgumentException.class, () -> data.year(2019));
    }
}
