package io.corridorsim.montecarlo;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.LongJumpableUniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Per-path random streams split from one master seed: the master is a XoShiRo256++ generator
 * seeded from the 64-bit master seed; path p's stream is the master after p long jumps
 * (2^192 draws apart), so paths never overlap and path p's numbers do not depend on how many
 * paths are run or on which thread runs them. Within a path, subsystems take jumps (2^128).
 */
public final class PathSeeds {

    /** The generator algorithm, written into every manifest. */
    public static final String ALGORITHM = "XO_SHI_RO_256_PP, path p = master after p longJump(); subsystems = jump()";

    private PathSeeds() {
    }

    /** The master generator: path p's stream is its p-th {@code longJump()}, taken in path order. */
    static LongJumpableUniformRandomProvider master(long masterSeed) {
        return (LongJumpableUniformRandomProvider) RandomSource.XO_SHI_RO_256_PP.create(masterSeed);
    }

    /** The streams of paths {@code 0 … count−1}, in order. */
    public static JumpableUniformRandomProvider[] streams(long masterSeed, int count) {
        LongJumpableUniformRandomProvider master = master(masterSeed);
        JumpableUniformRandomProvider[] out = new JumpableUniformRandomProvider[count];
        for (int p = 0; p < count; p++) {
            out[p] = master.longJump();
        }
        return out;
    }
}
