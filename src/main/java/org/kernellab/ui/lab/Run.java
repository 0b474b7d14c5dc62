package org.kernellab.ui.lab;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kernellab.compute.Problem;
import org.kernellab.model.Net;
import org.kernellab.model.Network;
import org.kernellab.model.Trainer;
import org.kernellab.model.Training;

/** One training run (or a net opened from a file) and what it produced; it changes on the FX thread only. */
public final class Run {
    public enum Status {
        QUEUED,
        LOADING,
        RUNNING,
        PAUSED,
        DONE,
        CANCELLED,
        FAILED
    }

    /** A point of a curve: x in epochs (fractions while an epoch runs), y a loss or an accuracy. */
    public record Point(double x, double y) {}

    final int number;
    final Net net;
    final Training training;
    final Trainer.Feed feed;
    final String label;
    String file;
    final ObservableList<Point> loss = FXCollections.observableArrayList(),
            trainAccuracy = FXCollections.observableArrayList();
    final ObservableList<Point> testAccuracy = FXCollections.observableArrayList(),
            testLoss = FXCollections.observableArrayList();
    /** The test accuracy the course's notebook printed per epoch for these settings, to compare with; usually empty. */
    final ObservableList<Point> notebook = FXCollections.observableArrayList();

    final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.QUEUED);
    final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0),
            samplesPerSecond = new ReadOnlyDoubleWrapper(Double.NaN);
    final ReadOnlyDoubleWrapper secondsLeft = new ReadOnlyDoubleWrapper(Double.NaN),
            seconds = new ReadOnlyDoubleWrapper(Double.NaN);
    final ReadOnlyObjectWrapper<Trainer.Evaluation> evaluation = new ReadOnlyObjectWrapper<>();
    final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    Network network;
    /** The weights it starts from when it trains a net further; null for fresh ones. */
    RunPlan.Start start;

    LabData.Loaded data;
    Problem problem;
    int epoch;

    /** @param label the net's short name, "CNN 16×2" */
    Run(int number, Net net, Training training, Trainer.Feed feed, String label) {
        this.number = number;
        this.net = net;
        this.training = training;
        this.feed = feed;
        this.label = label;
        status.addListener((o, a, s) -> finished.set(s == Status.DONE || s == Status.CANCELLED || s == Status.FAILED));
    }

    void batch(List<Point> points, Trainer.Batch b) {
        loss.addAll(points);
        progress.set(b.done() / (double) b.total());
        samplesPerSecond.set(b.samplesPerSecond());
        secondsLeft.set(b.secondsLeft());
        epoch = b.epoch();
    }

    void epoch(Trainer.Epoch e) {
        trainAccuracy.add(new Point(e.epoch(), e.trainAccuracy()));
        testAccuracy.add(new Point(e.epoch(), e.testAccuracy()));
        testLoss.add(new Point(e.epoch(), e.testLoss()));
        evaluation.set(e.test());
    }

    public int number() {
        return number;
    }

    public Net net() {
        return net;
    }

    public Training training() {
        return training;
    }

    public Trainer.Feed feed() {
        return feed;
    }

    /** The file the net was opened from, null for a run trained here. */
    public String file() {
        return file;
    }

    /** "#3 CNN 16×2", or the file a net came from. */
    public String name() {
        return "#" + number + " " + (file != null ? file : label);
    }

    /** The last epoch's training accuracy minus its test accuracy: how much better the net does on what it has seen; NaN before. */
    public double gap() {
        if (trainAccuracy.isEmpty() || testAccuracy.isEmpty()) return Double.NaN;
        return trainAccuracy.get(trainAccuracy.size() - 1).y()
                - testAccuracy.get(testAccuracy.size() - 1).y();
    }

    public int epoch() {
        return epoch;
    }

    public ObservableList<Point> loss() {
        return loss;
    }

    public ObservableList<Point> trainAccuracy() {
        return trainAccuracy;
    }

    public ObservableList<Point> testAccuracy() {
        return testAccuracy;
    }

    /** The loss on the test set after each epoch: where it turns up while the training loss still falls, the net memorises. */
    public ObservableList<Point> testLoss() {
        return testLoss;
    }

    public ObservableList<Point> notebook() {
        return notebook;
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty samplesPerSecondProperty() {
        return samplesPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty secondsProperty() {
        return seconds.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Trainer.Evaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public Network network() {
        return network;
    }

    /** The samples it was trained and tested on, null before they are loaded. */
    public LabData.Loaded data() {
        return data;
    }

    /** Why the run failed (a diverging loss names the learning rate), null otherwise. */
    public Problem problem() {
        return problem;
    }
}
