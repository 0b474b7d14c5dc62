package org.kernellab.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.kernellab.lesson.Catalog;
import org.kernellab.lesson.Chapter;
import org.kernellab.lesson.Lesson;
import org.kernellab.lesson.Progress;
import org.kernellab.lesson.SceneFiles;
import org.kernellab.ui.core.AppContext;

/** Chapters and their lessons, each lesson with the student's progress mark. */
final class Navigator extends TreeView<Object> {
    /** The heading of the demo scripts found beside the lessons. */
    private static final Object SCRIPTS = new Object();

    private final AppContext ctx;

    /**
     * @param scripts    demo scripts found beside the lessons, listed after the chapters
     * @param openScript plays a script picked in the list
     */
    Navigator(
            Catalog catalog,
            List<SceneFiles.Shelved> scripts,
            AppContext ctx,
            Consumer<Lesson> open,
            Consumer<Path> openScript) {
        this.ctx = ctx;
        setId("navigator");
        setShowRoot(false);
        TreeItem<Object> root = new TreeItem<>("root");
        for (Chapter c : catalog.chapters()) {
            TreeItem<Object> chapter = new TreeItem<>(c);
            chapter.setExpanded(true);
            for (Lesson l : c.lessons()) chapter.getChildren().add(new TreeItem<>(l));
            root.getChildren().add(chapter);
        }
        if (!scripts.isEmpty()) {
            TreeItem<Object> shelf = new TreeItem<>(SCRIPTS);
            shelf.setExpanded(true);
            for (SceneFiles.Shelved s : scripts) shelf.getChildren().add(new TreeItem<>(s));
            root.getChildren().add(shelf);
        }
        setRoot(root);
        setCellFactory(TitleCell::new);
        getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.getValue() instanceof Lesson l) open.accept(l);
            if (now != null && now.getValue() instanceof SceneFiles.Shelved s) openScript.accept(s.file());
        });
        ctx.i18n().localeProperty().addListener((o, a, b) -> refresh());
    }

    /**
     * A chapter's or a lesson's whole title, wrapped to the navigator's width (less the indent of the title's level):
     * no title is cut and nothing scrolls sideways.
     */
    private final class TitleCell extends TreeCell<Object> {
        private final TreeView<Object> tree;
        private final Label title = new Label();

        TitleCell(TreeView<Object> tree) {
            this.tree = tree;
            title.setWrapText(true);
            title.setMinWidth(0);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            title.prefWidthProperty()
                    .bind(Bindings.createDoubleBinding(this::titleWidth, tree.widthProperty(), treeItemProperty()));
        }

        private double titleWidth() {
            int level = getTreeItem() == null ? 0 : tree.getTreeItemLevel(getTreeItem()) - 1;
            return Math.max(40, tree.getWidth() - 46 - 18 * Math.max(0, level));
        }

        // as tall as the title wrapped at its width (the flow would otherwise keep a reused cell's old height)
        @Override
        protected double computePrefHeight(double width) {
            return getGraphic() == null
                    ? super.computePrefHeight(width)
                    : snappedTopInset() + snappedBottomInset() + title.prefHeight(title.getPrefWidth());
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected double computePrefWidth(double height) {
            return 0;
        } // the flow widens it to the navigator's width

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("chapter", "lesson");
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            if (item instanceof Chapter c) {
                title.setText(c.title(ctx.i18n().locale()));
                getStyleClass().add("chapter");
            } else if (item == SCRIPTS) {
                title.setText(ctx.i18n().tr("navigator.scripts"));
                getStyleClass().add("chapter");
            } else if (item instanceof SceneFiles.Shelved s) {
                title.setText("▶  " + s.title(ctx.i18n().locale()));
                getStyleClass().add("lesson");
            } else if (item instanceof Lesson l) {
                title.setText(mark(ctx.progress().mark(l.id())) + "  "
                        + l.title(ctx.i18n().locale()));
                getStyleClass().add("lesson");
            }
            setText(title.getText()); // not drawn (the wrapped title is), but what tests and screen readers read
            setGraphic(title);
        }
    }

    /** ○ not opened, ◔ opened, ◑ tried, ● solved. */
    static String mark(Progress.Mark m) {
        return switch (m) {
            case NONE -> "○";
            case VISITED -> "◔";
            case ATTEMPTED -> "◑";
            case SOLVED -> "●";
        };
    }

    /** Lists a script saved beside the lessons (or its new title), under the demo scripts. */
    void shelve(SceneFiles.Shelved script) {
        List<TreeItem<Object>> chapters = getRoot().getChildren();
        TreeItem<Object> shelf =
                chapters.isEmpty() || chapters.get(chapters.size() - 1).getValue() != SCRIPTS
                        ? null
                        : chapters.get(chapters.size() - 1);
        if (shelf == null) {
            shelf = new TreeItem<>(SCRIPTS);
            shelf.setExpanded(true);
            chapters.add(shelf);
        }
        for (TreeItem<Object> item : shelf.getChildren()) {
            if (item.getValue() instanceof SceneFiles.Shelved s && s.file().equals(script.file())) {
                item.setValue(script);
                return;
            }
        }
        shelf.getChildren().add(new TreeItem<>(script));
    }

    void select(String lessonId) {
        find(lessonId).ifPresent(item -> getSelectionModel().select(item));
    }

    private Optional<TreeItem<Object>> find(String id) {
        for (TreeItem<Object> c : getRoot().getChildren()) {
            for (TreeItem<Object> l : c.getChildren()) {
                if (l.getValue() instanceof Lesson lesson && lesson.id().equals(id)) return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
