package org.policyadvisor.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Admission: at most workers + queue requests at once")
class AdmissionTest {

    @Test
    @DisplayName("places are taken up to the limit, refused beyond it, and taken again once given back")
    void bounded() {
        Admission admission = new Admission(2, 3);

        for (int i = 0; i < 5; i++) {
            assertThat(admission.enter()).isTrue();
        }
        assertThat(admission.enter()).isFalse();
        assertThat(admission.taken()).isEqualTo(5);
        admission.leave();
        assertThat(admission.enter()).isTrue();
        assertThat(admission.enter()).isFalse();
    }

    @Test
    @DisplayName("a queue of 0 admits only as many requests as there are workers")
    void no_queue() {
        Admission admission = new Admission(1, 0);

        assertThat(admission.enter()).isTrue();
        assertThat(admission.enter()).isFalse();
    }

    @Test
    @DisplayName("threads racing for places never take more than the limit")
    void racing_threads() throws InterruptedException {
        Admission admission = new Admission(3, 7);
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 1000; i++) {
                    if (admission.enter()) {
                        admitted.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(admitted).hasValue(10);
        assertThat(admission.taken()).isEqualTo(10);
    }

    @Test
    @DisplayName("no workers or a negative queue is refused")
    void invalid() {
        assertThatThrownBy(() -> new Admission(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Admission(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
