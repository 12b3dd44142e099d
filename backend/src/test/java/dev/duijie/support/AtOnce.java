package dev.duijie.support;

import dev.duijie.support.Api.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends requests really in parallel: each call gets its own (virtual) thread, every thread waits at one
 * gate until all of them are ready, and then the gate opens for all at once.
 */
public final class AtOnce {

    private AtOnce() {}

    /** The answers, in the order of the calls. */
    public static List<Response> send(List<Callable<Response>> calls) {
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Callable<Response> call : calls) {
                answers.add(threads.submit(() -> {
                    ready.countDown();
                    gate.await();
                    return call.call();
                }));
            }
            ready.await();
            gate.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> answer : answers) {
            try {
                responses.add(answer.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a parallel request failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return responses;
    }

    /** The answers, in the order of the calls. */
    @SafeVarargs
    public static List<Response> send(Callable<Response>... calls) {
        return send(List.of(calls));
    }

    /** The same call {@code times} times at once. */
    public static List<Response> send(int times, Callable<Response> call) {
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            calls.add(call);
        }
        return send(calls);
    }
}
