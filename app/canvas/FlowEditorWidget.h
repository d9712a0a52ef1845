#pragma once

#include <QHash>
#include <QWidget>
#include <memory>

class QAction;
class QLabel;
class QToolBar;

namespace hm::app {

class ComponentPalette;
class FlowGraphModel;
class FlowLayout;
class FlowScene;
class FlowView;

// The flow editor's canvas with its palette, toolbar and status line, for
// the Flows section to host. It edits `model` (not owned) only through the
// model's API; every action is a QAction with a stable objectName
// ("action.undo", "action.autoLayout", ...) so the host can put them in its
// menus and tests can trigger them. Shortcuts (console.md) work while focus
// is inside the editor.
class FlowEditorWidget final : public QWidget
{
    Q_OBJECT

public:
    explicit FlowEditorWidget(FlowGraphModel *model, QWidget *parent = nullptr);
    ~FlowEditorWidget() override;

    FlowGraphModel *model() const { return m_model; }
    FlowScene *scene() const { return m_scene; }
    FlowView *view() const { return m_view; }
    ComponentPalette *palette() const { return m_palette; }
    QToolBar *toolBar() const { return m_toolBar; }
    // By objectName without the "action." prefix: "undo", "zoomIn", ...
    QAction *action(const QString &name) const { return m_actions.value(name); }
    QList<QAction *> editActions() const;
    QList<QAction *> viewActions() const;
    // The automatic layout in use ("Graphviz dot 2.43.0" or the built-in one).
    QString layoutName() const;

public slots:
    // Arranges all nodes left to right as one undoable step.
    void autoLayout();
    // Re-reads the model's catalogue into the palette.
    void refreshCatalogue();

signals:
    void statusMessage(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    QAction *makeAction(const QString &name, const QList<QKeySequence> &shortcuts);
    void retranslate();
    void showStatus(const QString &message);
    void updateZoomLabel();

    FlowGraphModel *m_model;
    FlowScene *m_scene;
    FlowView *m_view;
    ComponentPalette *m_palette;
    QToolBar *m_toolBar;
    QLabel *m_zoomLabel;
    QLabel *m_status;
    QHash<QString, QAction *> m_actions;
    std::unique_ptr<FlowLayout> m_layout;
};

} // namespace hm::app
