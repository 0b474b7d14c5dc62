package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kernellab.data.FashionMnist;

/** Training stops when asked, within one batch, and leaves nothing behind; the shipped model is a good one. */
class TrainerTest {
    static FashionMnist.Loaded data;

    @BeforeAll
    static void load() throws Exception {
        data = FashionMnist.builtIn();
    }

    static Network course(int batch, int epochs) {
        return Network.build(CourseNets.cnn(), Training.adam(1e-3, batch, epochs));
    }

    static double train(Network net, Trainer.Listener l) {
        return Trainer.train(net, Samples.of(data.train()), Samples.of(data.test()), Trainer.Feed.ALL, l);
    }

    /** Cancels after {@code after} batches; counts the batches that ran. */
    static final class CancelAfter implements Trainer.Listener {
        final int after;
        int batches, epochs;

        CancelAfter(int after) {
            this.after = after;
        }

        @Override
        public void epoch(Trainer.Epoch e) {
            epochs++;
        }

        @Override
        public void batch(Trainer.Batch b) {
            batches++;
        }

        @Override
        public boolean cancelled() {
            return batches >= after;
        }
    }

    @Test
    void aCancelMidEpochStopsBeforeTheNextBatch() {
        CancelAfter l = new CancelAfter(3);
        train(course(64, 5), l);
        assertEquals(3, l.batches, "no batch after the cancel");
        assertEquals(0, l.epochs, "no test pass after the cancel");
    }

    @Test
    void theShippedPretrainedCnnIsTheCoursesNetAndClassifiesWell() throws Exception {
        Network net = ModelFile.pretrained();
        assertEquals(CourseNets.cnn(), net.net());
        assertEquals(113386, net.parameters());
        double accuracy = Trainer.evaluate(net, Samples.of(data.test())).accuracy();
        assertTrue(accuracy > 0.86, "accuracy on the first 2,000 test images: " + accuracy);
    }
}
