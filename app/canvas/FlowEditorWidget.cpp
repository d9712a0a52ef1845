#include "canvas/FlowEditorWidget.h"

#include "canvas/ComponentPalette.h"
#include "canvas/FlowItems.h"
#include "canvas/FlowLayout.h"
#include "canvas/FlowScene.h"
#include "canvas/FlowView.h"
#include "canvas/LayoutRunner.h"
#include "flowgraph/FlowGraphModel.h"
#include "inspector/FlowChecker.h"
#include "inspector/InspectorWidget.h"
#include "inspector/ProblemsPanel.h"
#include "widgets/MessageLine.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>
#include <QToolBar>
#include <QToolTip>
#include <QUndoStack>
#include <QVBoxLayout>

namespace hm::app {

namespace {

const QString kMinimapKey = QStringLiteral("flowEditor/minimap");

} // namespace

FlowEditorWidget::FlowEditorWidget(FlowGraphModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_scene(new FlowScene(model, this)),
      m_view(new FlowView(m_scene)), m_palette(new ComponentPalette), m_toolBar(new QToolBar),
      m_zoomLabel(new QLabel), m_status(new QLabel),
      m_layoutRunner(new LayoutRunner(FlowLayout::create(), this)),
      m_checker(new FlowChecker(model, this)), m_inspector(new InspectorWidget(model, m_checker)),
      m_problems(new ProblemsPanel(m_checker)), m_docks(new QMainWindow),
      m_inspectorDock(new QDockWidget), m_problemsDock(new QDockWidget)
{
    setObjectName(QStringLiteral("editor"));
    m_toolBar->setObjectName(QStringLiteral("editor.toolbar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_zoomLabel->setObjectName(QStringLiteral("editor.zoom"));
    m_zoomLabel->setMinimumWidth(
        m_zoomLabel->fontMetrics().horizontalAdvance(QStringLiteral("000 %")));
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    m_status->setObjectName(QStringLiteral("editor.status"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setContentsMargins(8, 2, 8, 2);
    m_statusLine = new MessageLine(
        m_status, [this](const QString &text, MessageLine::Kind) { m_status->setText(text); });

    QUndoStack *stack = model->undoStack();
    // A later edit (or undo) makes what the status line or a refusal's
    // tooltip said old news (issue 34, item 13).
    connect(stack, &QUndoStack::indexChanged, m_statusLine, [this] {
        m_statusLine->clear();
        QToolTip::hideText();
    });
    using K = QKeySequence;
    QAction *undo = makeAction(QStringLiteral("undo"), {K(K::Undo)});
    QAction *redo =
        makeAction(QStringLiteral("redo"), {K(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), K(K::Redo)});
    connect(undo, &QAction::triggered, stack, &QUndoStack::undo);
    connect(redo, &QAction::triggered, stack, &QUndoStack::redo);
    undo->setEnabled(stack->canUndo());
    redo->setEnabled(stack->canRedo());
    connect(stack, &QUndoStack::canUndoChanged, undo,
            [this, undo](bool can) { undo->setEnabled(can && !m_model->isReadOnly()); });
    connect(stack, &QUndoStack::canRedoChanged, redo,
            [this, redo](bool can) { redo->setEnabled(can && !m_model->isReadOnly()); });
    connect(stack, &QUndoStack::indexChanged, this, &FlowEditorWidget::retranslate);

    connect(makeAction(QStringLiteral("cut"), {K(K::Cut)}), &QAction::triggered, m_view,
            &FlowView::cutSelection);
    connect(makeAction(QStringLiteral("copy"), {K(K::Copy)}), &QAction::triggered, m_view,
            &FlowView::copySelection);
    connect(makeAction(QStringLiteral("paste"), {K(K::Paste)}), &QAction::triggered, m_view,
            &FlowView::paste);
    connect(makeAction(QStringLiteral("duplicate"), {K(Qt::CTRL | Qt::Key_D)}), &QAction::triggered,
            m_view, &FlowView::duplicateSelection);
    connect(makeAction(QStringLiteral("delete"), {K(K::Delete)}), &QAction::triggered, m_view,
            &FlowView::deleteSelection);
    connect(makeAction(QStringLiteral("selectAll"), {K(K::SelectAll)}), &QAction::triggered, m_view,
            &FlowView::selectAllNodes);
    connect(makeAction(QStringLiteral("quickAdd"), {K(Qt::Key_Tab)}), &QAction::triggered, m_view,
            [this] { m_view->openQuickAdd(); });
    // Tab reaches the canvas as a key press (FlowView); a shortcut on it
    // would steal Tab from the palette's fields.
    action(QStringLiteral("quickAdd"))->setShortcutContext(Qt::WidgetShortcut);

    connect(makeAction(QStringLiteral("zoomIn"), {K(Qt::CTRL | Qt::Key_Equal), K(K::ZoomIn)}),
            &QAction::triggered, m_view, &FlowView::zoomIn);
    connect(makeAction(QStringLiteral("zoomOut"), {K(K::ZoomOut)}), &QAction::triggered, m_view,
            &FlowView::zoomOut);
    connect(makeAction(QStringLiteral("fit"), {K(Qt::CTRL | Qt::Key_0)}), &QAction::triggered,
            m_view, &FlowView::fitToView);
    connect(makeAction(QStringLiteral("zoomSelection"), {K(Qt::CTRL | Qt::Key_2)}),
            &QAction::triggered, m_view, &FlowView::zoomToSelection);
    QAction *snap = makeAction(QStringLiteral("snap"), {K(Qt::CTRL | Qt::Key_G)});
    snap->setCheckable(true);
    connect(snap, &QAction::toggled, m_view, &FlowView::setSnapToGrid);
    // The minimap can be put away (it covers a corner of the canvas); the
    // choice outlives the editor, as a main window's docks do. Like the
    // docks' toggles it has a shortcut and no toolbar button (the row is
    // full at 1280 px); the canvas's right-click menu holds it.
    QAction *minimap = makeAction(QStringLiteral("minimap"), {K(Qt::CTRL | Qt::SHIFT | Qt::Key_O)});
    minimap->setCheckable(true);
    minimap->setChecked(QSettings().value(kMinimapKey, true).toBool());
    m_view->setMinimapWanted(minimap->isChecked());
    connect(minimap, &QAction::toggled, m_view, [this](bool on) {
        m_view->setMinimapWanted(on);
        QSettings().setValue(kMinimapKey, on);
    });
    connect(makeAction(QStringLiteral("autoLayout"), {K(Qt::CTRL | Qt::Key_L)}),
            &QAction::triggered, this, &FlowEditorWidget::autoLayout);

    m_toolBar->addAction(undo);
    m_toolBar->addAction(redo);
    m_toolBar->addSeparator();
    m_toolBar->addAction(action(QStringLiteral("autoLayout")));
    m_toolBar->addAction(action(QStringLiteral("fit")));
    m_toolBar->addAction(action(QStringLiteral("zoomOut")));
    m_toolBar->addWidget(m_zoomLabel);
    m_toolBar->addAction(action(QStringLiteral("zoomIn")));
    m_toolBar->addAction(action(QStringLiteral("zoomSelection")));
    m_toolBar->addSeparator();
    m_toolBar->addAction(snap);

    // The canvas's right-click menu holds the edit actions and the
    // minimap's toggle.
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions(editActions());
    auto *viewSection = new QAction(this);
    viewSection->setSeparator(true);
    m_view->addAction(viewSection);
    m_view->addAction(minimap);

    auto *canvasColumn = new QWidget;
    auto *column = new QVBoxLayout(canvasColumn);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_toolBar);
    column->addWidget(m_view, 1);
    column->addWidget(m_status);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("editor.splitter"));
    m_palette->setContentsMargins(6, 6, 0, 6);
    splitter->addWidget(m_palette);
    connect(m_palette, &ComponentPalette::componentActivated, m_view,
            [this](const ComponentRef &component) {
                if (!m_view->addComponentInView(component).isEmpty())
                    m_view->setFocus();
            });
    splitter->addWidget(canvasColumn);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 800});
    splitter->setChildrenCollapsible(false);

    // The inspector on the right, the problems under everything (console.md,
    // "Flow editor"): docks of an inner main window, so they can be closed,
    // moved or floated, and a host can tabify more docks with the problems.
    m_docks->setObjectName(QStringLiteral("editor.docks"));
    m_docks->setWindowFlags(Qt::Widget);
    m_docks->setDockNestingEnabled(true);
    m_docks->setCentralWidget(splitter);
    m_docks->setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    m_docks->setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    const auto features = QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                          QDockWidget::DockWidgetFloatable;
    m_inspectorDock->setObjectName(QStringLiteral("editor.inspectorDock"));
    m_inspectorDock->setFeatures(features);
    m_inspectorDock->setWidget(m_inspector);
    m_inspector->setMinimumWidth(260);
    m_docks->addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);
    m_problemsDock->setObjectName(QStringLiteral("editor.problemsDock"));
    m_problemsDock->setFeatures(features);
    m_problemsDock->setWidget(m_problems);
    m_docks->addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    m_docks->resizeDocks({m_inspectorDock}, {340}, Qt::Horizontal);
    m_docks->resizeDocks({m_problemsDock}, {130}, Qt::Vertical);
    QAction *showInspector = m_inspectorDock->toggleViewAction();
    showInspector->setObjectName(QStringLiteral("action.showInspector"));
    showInspector->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    showInspector->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(showInspector);
    m_actions.insert(QStringLiteral("showInspector"), showInspector);
    QAction *showProblems = m_problemsDock->toggleViewAction();
    showProblems->setObjectName(QStringLiteral("action.showProblems"));
    showProblems->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    showProblems->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(showProblems);
    m_actions.insert(QStringLiteral("showProblems"), showProblems);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_docks);

    // The inspector follows the canvas's selection; the scene's badges and
    // the dock's title follow the problems.
    connect(m_scene, &QGraphicsScene::selectionChanged, this,
            [this] { m_inspector->setSelection(m_scene->selectedNodeIds()); });
    m_inspector->setPortColours(
        [this](flow::PortType type) { return m_scene->canvasStyle().portColour(type); });
    connect(m_checker, &FlowChecker::problemsChanged, this, &FlowEditorWidget::updateProblems);
    connect(m_problems, &ProblemsPanel::problemActivated, this, &FlowEditorWidget::showProblem);
    updateProblems();

    connect(m_view, &FlowView::statusMessage, this,
            qOverload<const QString &>(&FlowEditorWidget::showStatus));
    connect(m_view, &FlowView::zoomChanged, this, &FlowEditorWidget::updateZoomLabel);
    connect(model, &FlowGraphModel::readOnlyChanged, this, &FlowEditorWidget::updateEditability);
    connect(model, &FlowGraphModel::modelReset, this, [this] {
        // Another flow (or none): what the status said was about the old one.
        m_statusLine->clear();
        refreshCatalogue();
    });
    connect(model, &FlowGraphModel::serviceEndpointsChanged, this,
            &FlowEditorWidget::refreshCatalogue);
    // Whatever a layout reads (nodes, their sizes and places, the edges).
    const auto changed = [this] { ++m_revision; };
    connect(model, &FlowGraphModel::nodeCreated, this, changed);
    connect(model, &FlowGraphModel::nodeDeleted, this, changed);
    connect(model, &FlowGraphModel::nodeUpdated, this, changed);
    connect(model, &FlowGraphModel::nodePositionUpdated, this, changed);
    connect(model, &FlowGraphModel::connectionCreated, this, changed);
    connect(model, &FlowGraphModel::connectionDeleted, this, changed);
    connect(model, &FlowGraphModel::modelReset, this, changed);
    connect(m_layoutRunner, &LayoutRunner::finished, this, &FlowEditorWidget::layoutDone);
    refreshCatalogue();
    retranslate();
    updateZoomLabel();
    updateEditability();
}

FlowEditorWidget::~FlowEditorWidget()
{
    // Items going with the scene change its selection: nobody listens now.
    disconnect(m_scene, nullptr, this, nullptr);
    // The view must go before the scene it shows.
    delete m_view;
}

QAction *FlowEditorWidget::makeAction(const QString &name, const QList<QKeySequence> &shortcuts)
{
    auto *action = new QAction(this);
    action->setObjectName(QStringLiteral("action.") + name);
    action->setShortcuts(shortcuts);
    // Only while the editor has focus: the host window has its own Ctrl+C.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(action);
    m_actions.insert(name, action);
    return action;
}

void FlowEditorWidget::setReadOnly(bool readOnly)
{
    m_model->setReadOnly(readOnly);
    updateEditability();
}

bool FlowEditorWidget::isReadOnly() const
{
    return m_model->isReadOnly();
}

void FlowEditorWidget::updateEditability()
{
    const bool readOnly = m_model->isReadOnly();
    QUndoStack *stack = m_model->undoStack();
    action(QStringLiteral("undo"))->setEnabled(!readOnly && stack->canUndo());
    action(QStringLiteral("redo"))->setEnabled(!readOnly && stack->canRedo());
    for (const char *name : {"cut", "paste", "duplicate", "delete", "quickAdd"})
        action(QString::fromLatin1(name))->setEnabled(!readOnly);
    action(QStringLiteral("autoLayout"))->setEnabled(!readOnly && !isLayingOut());
    // Nothing to add from: the palette goes; the inspector shows, not edits.
    m_palette->setVisible(!readOnly);
    m_inspector->setReadOnly(readOnly);
    setProperty("readOnly", readOnly);
}

QList<QAction *> FlowEditorWidget::editActions() const
{
    QList<QAction *> list;
    for (const char *name : {"cut", "copy", "paste", "duplicate", "delete", "selectAll"})
        list.append(action(QString::fromLatin1(name)));
    return list;
}

QList<QAction *> FlowEditorWidget::viewActions() const
{
    QList<QAction *> list;
    for (const char *name : {"zoomIn", "zoomOut", "fit", "zoomSelection", "snap", "minimap",
                             "autoLayout", "showInspector", "showProblems"})
        list.append(action(QString::fromLatin1(name)));
    return list;
}

QString FlowEditorWidget::layoutName() const
{
    return m_layoutRunner->engine().name();
}

bool FlowEditorWidget::isLayingOut() const
{
    return m_layoutRunner->isRunning();
}

QHash<QString, QPointF> FlowEditorWidget::placedAt(QHash<QString, QPointF> positions,
                                                   const QPointF &topLeft)
{
    QPointF layoutTopLeft(std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
    for (const QPointF &p : std::as_const(positions))
        layoutTopLeft =
            QPointF(std::min(layoutTopLeft.x(), p.x()), std::min(layoutTopLeft.y(), p.y()));
    const QPointF shift = FlowView::snapped(topLeft) - layoutTopLeft;
    for (QPointF &p : positions)
        p = FlowView::snapped(p + shift);
    return positions;
}

void FlowEditorWidget::refreshCatalogue()
{
    m_palette->setCatalogue(m_model->catalogue());
}

void FlowEditorWidget::autoLayout()
{
    if (isLayingOut() || m_model->isReadOnly())
        return;
    const LayoutGraph graph = m_scene->layoutGraph();
    if (graph.nodes.isEmpty())
        return;
    m_layoutRevision = m_revision;
    if (!m_layoutRunner->start(graph))
        return;
    // Busy, not frozen: the action is off until the result is in.
    updateEditability();
    setCursor(Qt::BusyCursor);
    const int count = static_cast<int>(graph.nodes.size());
    showStatus([count] { return tr("Arranging %n node(s)…", nullptr, count); });
}

void FlowEditorWidget::layoutDone(const QHash<QString, QPointF> &positions)
{
    unsetCursor();
    updateEditability();
    if (m_revision != m_layoutRevision) {
        // Laid out from a flow that is no longer there: applying it would
        // undo the edit's places or miss its nodes.
        showStatus(
            [] { return tr("The flow changed while it was being arranged: nothing was moved."); });
        emit layoutFinished(false);
        return;
    }
    // Keep the flow where it was: the layout's top-left corner goes to the
    // nodes' current top-left corner, on the grid.
    if (const Status applied =
            m_model->applyLayout(placedAt(positions, m_scene->nodesRect().topLeft()));
        !applied) {
        showStatus(applied.error().message);
        emit layoutFinished(false);
        return;
    }
    m_view->fitToView();
    const int arranged = static_cast<int>(positions.size());
    showStatus([this, arranged] {
        return tr("Arranged %n node(s) with %1.", nullptr, arranged).arg(layoutName());
    });
    emit layoutFinished(true);
}

void FlowEditorWidget::showServerProblems(const QJsonValue &details)
{
    m_checker->setServerProblems(details);
    m_problemsDock->show();
    m_problemsDock->raise();
}

void FlowEditorWidget::showProblem(const EditorProblem &problem)
{
    if (!problem.node.isEmpty() && m_scene->nodeItem(problem.node)) {
        m_scene->selectNodes({problem.node});
        m_view->centerOn(m_scene->nodeItem(problem.node));
    } else if (FlowEdgeItem *edge =
                   problem.edge.isEmpty() ? nullptr : m_scene->edgeItem(problem.edge)) {
        m_scene->clearSelection();
        edge->setSelected(true);
        m_view->centerOn(edge);
    } else if (problem.place() == EditorProblem::Place::Settings) {
        m_scene->clearSelection();
    }
    m_inspectorDock->show();
    m_inspector->showProblem(problem);
}

void FlowEditorWidget::updateProblems()
{
    QHash<QString, NodeProblems> badges;
    for (const EditorProblem &p : m_checker->problems()) {
        if (p.node.isEmpty())
            continue;
        NodeProblems &b = badges[p.node];
        if (p.severity == EditorProblem::Severity::Error)
            ++b.errors;
        else
            ++b.warnings;
        b.messages.append(p.message);
    }
    m_scene->setNodeProblems(badges);
    m_problemsDock->setWindowTitle(m_problems->title());
}

void FlowEditorWidget::showStatus(const QString &message)
{
    m_statusLine->showText(message);
    emit statusMessage(message);
}

void FlowEditorWidget::showStatus(std::function<QString()> text)
{
    m_statusLine->show(std::move(text));
    emit statusMessage(m_statusLine->text());
}

void FlowEditorWidget::updateZoomLabel()
{
    m_zoomLabel->setText(tr("%1 %").arg(QLocale().toString(std::lround(m_view->zoom() * 100.0))));
}

void FlowEditorWidget::retranslate()
{
    struct Text
    {
        const char *name;
        QString text;
        QString tip;
    };
    QUndoStack *stack = m_model->undoStack();
    const QString undoText = stack->undoText();
    const QString redoText = stack->redoText();
    const Text texts[] = {
        {"undo", tr("Undo"), undoText.isEmpty() ? tr("Undo") : tr("Undo: %1").arg(undoText)},
        {"redo", tr("Redo"), redoText.isEmpty() ? tr("Redo") : tr("Redo: %1").arg(redoText)},
        {"cut", tr("Cut"), tr("Cut the selected nodes")},
        {"copy", tr("Copy"), tr("Copy the selected nodes")},
        {"paste", tr("Paste"), tr("Paste nodes from the clipboard")},
        {"duplicate", tr("Duplicate"), tr("Duplicate the selected nodes")},
        {"delete", tr("Delete"), tr("Delete the selected nodes and connections")},
        {"selectAll", tr("Select All"), tr("Select all nodes")},
        {"quickAdd", tr("Add Node…"), tr("Search for a component and add it at the pointer")},
        {"zoomIn", tr("Zoom In"), tr("Zoom in")},
        {"zoomOut", tr("Zoom Out"), tr("Zoom out")},
        {"fit", tr("Fit"), tr("Show the whole flow")},
        {"zoomSelection", tr("Zoom to Selection"), tr("Show the selected nodes")},
        {"snap", tr("Snap to Grid"), tr("Align moved and added nodes to the grid")},
        {"minimap", tr("Minimap"),
         tr("Show or hide the overview of the whole flow in the canvas's corner")},
        {"autoLayout", tr("Auto-Layout"), tr("Arrange all nodes from left to right")},
        {"showInspector", tr("Inspector"), tr("Show or hide the inspector")},
        {"showProblems", tr("Problems"), tr("Show or hide the list of problems")},
    };
    for (const Text &t : texts) {
        QAction *a = action(QString::fromLatin1(t.name));
        a->setText(t.text);
        const QKeySequence shortcut = a->shortcut();
        // The tooltip names the shortcut as the platform writes it
        // (console.md: shortcuts shown in menus and tooltips).
        a->setToolTip(shortcut.isEmpty()
                          ? t.tip
                          : tr("%1 (%2)").arg(t.tip, shortcut.toString(QKeySequence::NativeText)));
    }
    // The canvas's row of actions fits beside the palette and the inspector
    // of a 1280 px window in every language: zoom steps as "−" / "+" around
    // the zoom figure, the two longest actions in a short form; the menus
    // and the tooltips keep the full words.
    action(QStringLiteral("zoomOut"))->setIconText(QStringLiteral("\u2212"));
    action(QStringLiteral("zoomIn"))->setIconText(QStringLiteral("+"));
    action(QStringLiteral("zoomSelection"))
        ->setIconText(tr("Selection", "toolbar: short for Zoom to Selection"));
    action(QStringLiteral("snap"))->setIconText(tr("Snap", "toolbar: short for Snap to Grid"));
    m_toolBar->setWindowTitle(tr("Flow editor"));
    m_inspectorDock->setWindowTitle(tr("Inspector"));
    m_problemsDock->setWindowTitle(m_problems->title());
    updateZoomLabel();
}

void FlowEditorWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace hm::app
