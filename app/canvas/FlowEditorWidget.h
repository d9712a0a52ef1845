#pragma once

#include "inspector/EditorProblem.h"

#include <QHash>
#include <QJsonValue>
#include <QWidget>
#include <functional>
#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QToolBar;

namespace hm::app {

class ComponentPalette;
class FlowChecker;
class FlowGraphModel;
class FlowLayout;
class FlowScene;
class FlowView;
class InspectorWidget;
class LayoutRunner;
class MessageLine;
class ProblemsPanel;

// The flow editor's canvas with its palette, toolbar and status line, the
// inspector docked on the right ("editor.inspectorDock") and the problems
// docked at the bottom ("editor.problemsDock", titled "Problems (N)"), for
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
    InspectorWidget *inspector() const { return m_inspector; }
    FlowChecker *checker() const { return m_checker; }
    ProblemsPanel *problemsPanel() const { return m_problems; }
    QDockWidget *inspectorDock() const { return m_inspectorDock; }
    QDockWidget *problemsDock() const { return m_problemsDock; }
    // The docks' frame, for a host that adds docks of its own (versions,
    // runs of this flow) next to the problems.
    QMainWindow *dockArea() const { return m_docks; }
    // By objectName without the "action." prefix: "undo", "zoomIn", ...
    QAction *action(const QString &name) const { return m_actions.value(name); }
    QList<QAction *> editActions() const;
    QList<QAction *> viewActions() const;
    // Read-only (an old version, a diff): the model refuses edits, the view
    // neither moves, connects, deletes nor pastes, the edit actions are off,
    // the palette is hidden and the inspector only shows. The host says why
    // (a banner). Selecting, zooming, copying and fitting still work.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const;

    // The automatic layout in use ("Graphviz dot 2.43.0" or the built-in one).
    QString layoutName() const;
    // An auto-layout is running (in a worker: the window stays responsive,
    // the action is off); layoutFinished() tells when it ends.
    bool isLayingOut() const;
    LayoutRunner *layoutRunner() const { return m_layoutRunner; }
    // Where auto-layout puts the nodes: the layout's positions moved so its
    // top-left corner is `topLeft` (the nodes' one before), on the grid.
    static QHash<QString, QPointF> placedAt(QHash<QString, QPointF> positions,
                                            const QPointF &topLeft);

public slots:
    // Arranges all nodes left to right as one undoable step. The layout runs
    // in a worker; its result applies only if the flow is unchanged by then
    // (an edit meanwhile drops it and says so).
    void autoLayout();
    // Re-reads the model's catalogue into the palette.
    void refreshCatalogue();
    // The `details` of the server's INVALID_FLOW_DEFINITION answer to a
    // save ({"problems": [...]}; the whole error envelope is read too):
    // listed with the editor's own problems and shown on their nodes until
    // the flow is edited again. Opens the problems.
    void showServerProblems(const QJsonValue &details);
    // Selects and centres the problem's node (or connection) and opens the
    // inspector where it can be fixed; what activating a problem does.
    void showProblem(const hm::app::EditorProblem &problem);

signals:
    void statusMessage(const QString &message);
    // An auto-layout ended: `applied` false when nothing moved (the flow
    // changed meanwhile, or the model refused).
    void layoutFinished(bool applied);

protected:
    void changeEvent(QEvent *event) override;

private:
    QAction *makeAction(const QString &name, const QList<QKeySequence> &shortcuts);
    void retranslate();
    // The status line under the canvas (passing: it clears itself, and at
    // the next edit); a message made by `text` follows the language.
    void showStatus(const QString &message);
    void showStatus(std::function<QString()> text);
    void updateZoomLabel();
    void updateProblems();
    void updateEditability();
    void layoutDone(const QHash<QString, QPointF> &positions);

    FlowGraphModel *m_model;
    FlowScene *m_scene;
    FlowView *m_view;
    ComponentPalette *m_palette;
    QToolBar *m_toolBar;
    QLabel *m_zoomLabel;
    QLabel *m_status;
    MessageLine *m_statusLine = nullptr;
    QHash<QString, QAction *> m_actions;
    LayoutRunner *m_layoutRunner;
    // Counts the model's changes: a layout result is for the revision it
    // was started at.
    quint64 m_revision = 0;
    quint64 m_layoutRevision = 0;
    FlowChecker *m_checker;
    InspectorWidget *m_inspector;
    ProblemsPanel *m_problems;
    QMainWindow *m_docks;
    QDockWidget *m_inspectorDock;
    QDockWidget *m_problemsDock;
};

} // namespace hm::app
