package org.kernellab.ui.training;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kernellab.compute.Problem;
import org.kernellab.model.NetSpec;
import org.kernellab.model.Network;
import org.kernellab.model.Trainer;

/** One training run (or a loaded network) and what it produced. */
public final class Run {
    public enum Status { QUEUED, RUNNING, PAUSED, DONE, CANCELLED, FAILED }

    /** A point of a curve: x in epochs (fractions while an epoch runs), y a loss or an accuracy. */
    public record Point(double x, double y) {}

    final int number;
    final NetSpec spec;
    final int limit;
    /** Whether each batch's images were augmented (flipped, turned, cropped) before the net saw them. */
    final boolean augment;
    String file;
    final ObservableList<Point> loss = FXCollections.observableArrayList();
    final ObservableList<Point> trainAccuracy = FXCollections.observableArrayList();
    final ObservableList<Point> testAccuracy = FXCollections.observableArrayList();
    final ObservableList<Point> testLoss = FXCollections.observableArrayList();
    /** The test accuracy the course's notebook printed per epoch for these settings, to compare with; usually empty. */
    final ObservableList<Point> notebook = FXCollections.observableArrayList();
    final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.QUEUED);
    final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    final ReadOnlyDoubleWrapper imagesPerSecond = new ReadOnlyDoubleWrapper(Double.NaN);
    final ReadOnlyDoubleWrapper secondsLeft = new ReadOnlyDoubleWrapper(Double.NaN);
    final ReadOnlyDoubleWrapper seconds = new ReadOnlyDoubleWrapper(Double.NaN);
    final ReadOnlyObjectWrapper<Trainer.Evaluation> evaluation = new ReadOnlyObjectWrapper<>();
    final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    Network network;
    Problem problem;
    int epoch;

    Run(int number, NetSpec spec, int limit, boolean augment) {
        this.number = number;
        this.spec = spec;
        this.limit = limit;
        this.augment = augment;
        status.addListener((o, a, s) -> finished.set(s == Status.DONE || s == Status.CANCELLED || s == Status.FAILED));
    }

    void batch(java.util.List<Point> points, Trainer.Batch b) {
        loss.addAll(points);
        progress.set(b.done() / (double) b.total());
        imagesPerSecond.set(b.imagesPerSecond());
        secondsLeft.set(b.secondsLeft());
        epoch = b.epoch();
    }

    void epoch(Trainer.Epoch e) {
        trainAccuracy.add(new Point(e.epoch(), e.trainAccuracy()));
        testAccuracy.add(new Point(e.epoch(), e.testAccuracy()));
        testLoss.add(new Point(e.epoch(), e.testLoss()));
        evaluation.set(e.test());
    }

    public int number() { return number; }

    public NetSpec spec() { return spec; }

    /** "#3 CNN 16×2" or the file a network came from. */
    public String name() {
        if (file != null) return "#" + number + " " + file;
        return "#" + number + " " + (spec.kind() == NetSpec.Kind.MLP ? "MLP" : "CNN " + spec.filters() + "×" + spec.blocks());
    }

    public int limit() { return limit; }

    public boolean augmented() { return augment; }

    /** The last epoch's training accuracy minus its test accuracy: how much the net does better on what it has seen; NaN before. */
    public double gap() {
        if (trainAccuracy.isEmpty() || testAccuracy.isEmpty()) return Double.NaN;
        return trainAccuracy.get(trainAccuracy.size() - 1).y() - testAccuracy.get(testAccuracy.size() - 1).y();
    }

    public int epoch() { return epoch; }

    public ObservableList<Point> loss() { return loss; }

    public ObservableList<Point> trainAccuracy() { return trainAccuracy; }

    public ObservableList<Point> testAccuracy() { return testAccuracy; }

    /** The loss on the test set after each epoch: where it turns up while the training loss still falls, the net memorises. */
    public ObservableList<Point> testLoss() { return testLoss; }

    public ObservableList<Point> notebook() { return notebook; }

    public ReadOnlyObjectProperty<Status> statusProperty() { return status.getReadOnlyProperty(); }

    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    public ReadOnlyDoubleProperty imagesPerSecondProperty() { return imagesPerSecond.getReadOnlyProperty(); }

    public ReadOnlyDoubleProperty secondsLeftProperty() { return secondsLeft.getReadOnlyProperty(); }

    public ReadOnlyDoubleProperty secondsProperty() { return seconds.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Trainer.Evaluation> evaluationProperty() { return evaluation.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty finishedProperty() { return finished.getReadOnlyProperty(); }

    public Network network() { return network; }

    /** Why the run failed (a diverging loss names the learning rate), null otherwise. */
    public Problem problem() { return problem; }
}
