package io.corridorsim.model;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The independent random streams of one path, one per subsystem, so that changing how one
 * subsystem draws never shifts another's numbers. Each is a {@code jump()} (2^128 draws apart)
 * of the path's own stream, which the Monte Carlo runner obtained by long jumps (2^192 apart)
 * from the master seed.
 *
 * @param masonSeed seed of MASON's own generator, used only for MASON's shuffling
 */
public record PathStreams(UniformRandomProvider paymentShocks, UniformRandomProvider autonomousSurprise,
                          UniformRandomProvider forecastError, UniformRandomProvider priorError,
                          UniformRandomProvider shutOuts, long masonSeed) {

    public static PathStreams of(JumpableUniformRandomProvider path) {
        UniformRandomProvider shocks = path.jump();
        UniformRandomProvider surprise = path.jump();
        UniformRandomProvider forecast = path.jump();
        UniformRandomProvider prior = path.jump();
        UniformRandomProvider shutOuts = path.jump();
        return new PathStreams(shocks, surprise, forecast, prior, shutOuts, path.nextLong());
    }
}
