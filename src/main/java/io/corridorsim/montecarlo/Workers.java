package io.corridorsim.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one work loop on a few threads and waits for all: shared by the Monte Carlo runner and the sweep engine. */
public final class Workers {

    private Workers() {
    }

    /**
     * Runs {@code worker} on {@code workers} daemon threads (inline when one) and waits for all of
     * them. On the first failure {@code stop} tells the others to finish their loop, and the
     * failure is rethrown (runtime exceptions as they are).
     */
    public static void run(int workers, String threadName, Runnable worker, Runnable stop) {
        if (workers <= 1) {
            worker.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread th = new Thread(r, threadName);
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            stop.run();
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
