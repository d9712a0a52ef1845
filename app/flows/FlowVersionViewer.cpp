#include "flows/FlowVersionViewer.h"

#include "canvas/FlowEditorWidget.h"
#include "canvas/FlowItems.h"
#include "canvas/FlowLayout.h"
#include "canvas/FlowScene.h"
#include "canvas/FlowView.h"
#include "flowgraph/FlowGraphModel.h"
#include "flows/FlowErrorText.h"

#include <QDockWidget>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace hm::app {

namespace {

constexpr int kNodeRole = Qt::UserRole + 1;

// A JSON value as one short line for the changes list.
QString valueText(const QJsonValue &value)
{
    if (value.isUndefined())
        return FlowVersionViewer::tr("(none)");
    QString text;
    if (value.isString())
        text = QStringLiteral("\"%1\"").arg(value.toString());
    else if (value.isObject())
        text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    else if (value.isArray())
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    else
        text = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                   .mid(1)
                   .chopped(1);
    if (text.size() > 60)
        text = text.left(57) + QStringLiteral("…");
    return text;
}

QString changeLine(const FlowDiff::ValueChange &c)
{
    if (c.before.isUndefined())
        return FlowVersionViewer::tr("%1: added %2").arg(c.path, valueText(c.after));
    if (c.after.isUndefined())
        return FlowVersionViewer::tr("%1: removed (was %2)").arg(c.path, valueText(c.before));
    return FlowVersionViewer::tr("%1: %2 → %3")
        .arg(c.path, valueText(c.before), valueText(c.after));
}

QString swatch(const QColor &colour, const QString &sign, const QString &text)
{
    return QStringLiteral("<span style=\"color:%1; font-weight:bold\">■ %2</span> %3")
        .arg(colour.name(), sign.toHtmlEscaped(), text.toHtmlEscaped());
}

} // namespace

FlowVersionViewer::FlowVersionViewer(QWidget *parent)
    : QWidget(parent), m_model(new FlowGraphModel(this)), m_editor(new FlowEditorWidget(m_model)),
      m_banner(new QLabel), m_restore(new QPushButton), m_close(new QPushButton),
      m_side(new QWidget), m_legend(new QLabel), m_summary(new QLabel), m_changes(new QTreeWidget),
      m_splitter(new QSplitter(Qt::Horizontal))
{
    setObjectName(QStringLiteral("flows.versionViewer"));
    m_editor->setObjectName(QStringLiteral("flows.versionViewer.editor"));
    m_editor->setReadOnly(true);
    // The problems of an old version are not this reader's to fix.
    m_editor->problemsDock()->hide();

    auto *bannerBox = new QWidget;
    bannerBox->setObjectName(QStringLiteral("flows.versionViewer.bannerBox"));
    bannerBox->setProperty("hmStyle", QStringLiteral("banner"));
    bannerBox->setAttribute(Qt::WA_StyledBackground, true);
    auto *bannerRow = new QHBoxLayout(bannerBox);
    bannerRow->setContentsMargins(12, 6, 12, 6);
    m_banner->setObjectName(QStringLiteral("flows.versionViewer.banner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_restore->setObjectName(QStringLiteral("flows.versionViewer.restore"));
    m_close->setObjectName(QStringLiteral("flows.versionViewer.close"));
    bannerRow->addWidget(m_banner, 1);
    bannerRow->addWidget(m_restore);
    bannerRow->addWidget(m_close);
    connect(m_restore, &QPushButton::clicked, this, [this] { emit restoreRequested(m_version); });
    connect(m_close, &QPushButton::clicked, this, &FlowVersionViewer::closeRequested);

    m_legend->setObjectName(QStringLiteral("flows.versionViewer.legend"));
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("flows.versionViewer.summary"));
    m_summary->setWordWrap(true);
    m_summary->setProperty("hmStyle", QStringLiteral("muted"));
    m_changes->setObjectName(QStringLiteral("flows.versionViewer.changes"));
    m_changes->setHeaderHidden(true);
    m_changes->setRootIsDecorated(true);
    m_changes->setUniformRowHeights(true);
    m_changes->setTextElideMode(Qt::ElideMiddle);
    m_changes->header()->setStretchLastSection(true);
    connect(m_changes, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { focusChange(item); });
    connect(m_changes, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { focusChange(item); });
    auto *side = new QVBoxLayout(m_side);
    side->setContentsMargins(8, 8, 8, 8);
    side->setSpacing(6);
    side->addWidget(m_legend);
    side->addWidget(m_summary);
    side->addWidget(m_changes, 1);
    m_side->setMinimumWidth(260);

    m_splitter->setObjectName(QStringLiteral("flows.versionViewer.splitter"));
    m_splitter->addWidget(m_editor);
    m_splitter->addWidget(m_side);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({800, 320});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bannerBox);
    layout->addWidget(m_splitter, 1);
    m_side->hide();
    retranslate();
}

FlowVersionViewer::~FlowVersionViewer() = default;

void FlowVersionViewer::setCatalogue(const ComponentCatalogue &catalogue)
{
    m_model->setCatalogue(catalogue);
    m_editor->refreshCatalogue();
}

Status FlowVersionViewer::loadDocument(const QJsonObject &definition, const QJsonObject &settings)
{
    if (Status loaded = m_model->load(definition, settings); !loaded)
        return loaded;
    // Nodes made without positions (through the API) all sit at one
    // point: lay them out for reading, as the execution viewer does. The
    // model is read-only for everyone else, so only for this step not.
    QSet<QPair<qreal, qreal>> positions;
    for (const QString &id : m_model->nodeIds()) {
        const QPointF p = m_model->node(id)->position;
        positions.insert({p.x(), p.y()});
    }
    if (m_model->nodeCount() > 1 && positions.size() < m_model->nodeCount()) {
        m_model->setReadOnly(false);
        (void)m_model->applyLayout(FlowLayout::create()->layout(m_editor->scene()->layoutGraph()));
        m_model->undoStack()->clear();
        m_model->setReadOnly(true);
    }
    QTimer::singleShot(0, m_editor->view(), &FlowView::fitToView);
    return {};
}

Status FlowVersionViewer::showVersion(const QString &flowName, const QString &version,
                                      const QString &author, const QDateTime &savedAt,
                                      const QJsonObject &definition, const QJsonObject &settings,
                                      bool canRestore)
{
    if (Status loaded = loadDocument(definition, settings); !loaded)
        return loaded;
    m_mode = Mode::Version;
    m_flowName = flowName;
    m_version = version;
    m_author = author;
    m_savedAt = savedAt;
    m_canRestore = canRestore;
    m_diff = {};
    m_removedEdges.clear();
    m_changes->clear();
    m_side->hide();
    m_editor->inspectorDock()->show(); // a node's config, read-only
    retranslate();
    return {};
}

Status FlowVersionViewer::showDiff(const QString &beforeVersion,
                                   const QJsonObject &beforeDefinition,
                                   const QJsonObject &beforeSettings, const QString &afterVersion,
                                   const QJsonObject &afterDefinition,
                                   const QJsonObject &afterSettings)
{
    FlowDiff diff =
        FlowDiff::compute(beforeDefinition, beforeSettings, afterDefinition, afterSettings);
    QStringList removedEdges;
    const QJsonObject overlay = diff.overlay(afterDefinition, &removedEdges);
    if (Status loaded = loadDocument(overlay, afterSettings); !loaded)
        return loaded;
    m_mode = Mode::Diff;
    m_version.clear();
    m_canRestore = false;
    m_beforeVersion = beforeVersion;
    m_afterVersion = afterVersion;
    m_diff = std::move(diff);
    m_removedEdges = removedEdges;
    markDiff();
    fillChanges();
    m_side->show();
    // The side list says what changed; the canvas gets the room.
    m_editor->inspectorDock()->hide();
    retranslate();
    return {};
}

void FlowVersionViewer::clear()
{
    m_mode = Mode::None;
    m_version.clear();
    m_diff = {};
    m_removedEdges.clear();
    m_changes->clear();
    m_model->clear();
    m_side->hide();
    retranslate();
}

void FlowVersionViewer::markDiff()
{
    FlowScene *scene = m_editor->scene();
    for (const FlowDiff::NodeChange &c : std::as_const(m_diff.nodes)) {
        FlowNodeItem *item = scene->nodeItem(c.nodeId);
        if (!item)
            continue;
        switch (c.kind) {
        case FlowDiff::Kind::Added:
            item->setDiffMark(DiffMark::Added);
            break;
        case FlowDiff::Kind::Removed:
            item->setDiffMark(DiffMark::Removed);
            break;
        case FlowDiff::Kind::Changed:
            // A move alone is listed, not coloured: layouts move everything.
            item->setDiffMark(c.movedOnly() ? DiffMark::None : DiffMark::Changed);
            break;
        }
    }
    for (const FlowDiff::EdgeChange &c : std::as_const(m_diff.edges)) {
        if (c.kind != FlowDiff::Kind::Added)
            continue;
        if (FlowEdgeItem *item = scene->edgeItem(c.edge.value(QStringLiteral("id")).toString()))
            item->setDiffMark(DiffMark::Added);
    }
    for (const QString &id : std::as_const(m_removedEdges)) {
        if (FlowEdgeItem *item = scene->edgeItem(id))
            item->setDiffMark(DiffMark::Removed);
    }
}

void FlowVersionViewer::fillChanges()
{
    m_changes->clear();
    using Kind = FlowDiff::Kind;
    for (const FlowDiff::NodeChange &c : std::as_const(m_diff.nodes)) {
        auto *item = new QTreeWidgetItem(m_changes);
        item->setData(0, kNodeRole, c.nodeId);
        QString text;
        switch (c.kind) {
        case Kind::Added:
            text = tr("+ %1: node added (%2)")
                       .arg(c.nodeId, c.after.value(QStringLiteral("component")).toString());
            break;
        case Kind::Removed:
            text = tr("− %1: node removed (%2)")
                       .arg(c.nodeId, c.before.value(QStringLiteral("component")).toString());
            break;
        case Kind::Changed: {
            QStringList parts;
            if (c.aspects & FlowDiff::ComponentAspect)
                parts << tr("component");
            if (c.aspects & FlowDiff::ConfigAspect)
                parts << tr("config");
            if (c.aspects & FlowDiff::MappingsAspect)
                parts << tr("input mappings");
            if (c.aspects & FlowDiff::OtherAspect)
                parts << tr("other fields");
            if (c.aspects & FlowDiff::PositionAspect)
                parts << tr("position");
            text = c.movedOnly() ? tr("%1: moved").arg(c.nodeId)
                                 : tr("~ %1: %2 changed").arg(c.nodeId, parts.join(tr(", ")));
            break;
        }
        }
        item->setText(0, text);
        item->setToolTip(0, text);
        const auto addChildren = [item, &c](const QList<FlowDiff::ValueChange> &list,
                                            const QString &label) {
            for (const FlowDiff::ValueChange &v : list) {
                auto *child = new QTreeWidgetItem(item);
                const QString line = label.arg(changeLine(v));
                child->setText(0, line);
                child->setToolTip(0, line);
                child->setData(0, kNodeRole, c.nodeId);
            }
        };
        addChildren(c.config, tr("config · %1"));
        addChildren(c.mappings, tr("input · %1"));
        addChildren(c.other, QStringLiteral("%1"));
    }
    for (const FlowDiff::EdgeChange &c : std::as_const(m_diff.edges)) {
        auto *item = new QTreeWidgetItem(m_changes);
        const QString from = c.sourceHandle == kDefaultPort
                                 ? c.source
                                 : QStringLiteral("%1.%2").arg(c.source, c.sourceHandle);
        const QString to = c.targetHandle == kDefaultPort
                               ? c.target
                               : QStringLiteral("%1.%2").arg(c.target, c.targetHandle);
        item->setText(0, c.kind == Kind::Added ? tr("+ connection %1 → %2 added").arg(from, to)
                                               : tr("− connection %1 → %2 removed").arg(from, to));
        item->setToolTip(0, item->text(0));
        // Centring a connection: its target node.
        item->setData(0, kNodeRole, c.target);
    }
    if (!m_diff.settings.isEmpty()) {
        auto *item = new QTreeWidgetItem(m_changes);
        item->setText(0, tr("~ flow settings changed"));
        for (const FlowDiff::ValueChange &v : std::as_const(m_diff.settings)) {
            auto *child = new QTreeWidgetItem(item);
            child->setText(0, changeLine(v));
            child->setToolTip(0, child->text(0));
        }
    }
    for (const FlowDiff::ValueChange &v : std::as_const(m_diff.document)) {
        auto *item = new QTreeWidgetItem(m_changes);
        item->setText(0, tr("~ definition · %1").arg(changeLine(v)));
    }
    if (m_diff.isEmpty()) {
        auto *item = new QTreeWidgetItem(m_changes);
        item->setText(0, tr("No differences."));
        item->setFlags(Qt::ItemIsEnabled);
    }
    m_changes->expandAll();
}

void FlowVersionViewer::focusChange(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const QString nodeId = item->data(0, kNodeRole).toString();
    FlowNodeItem *node = nodeId.isEmpty() ? nullptr : m_editor->scene()->nodeItem(nodeId);
    if (!node)
        return;
    m_editor->scene()->selectNodes({nodeId});
    m_editor->view()->centerOn(node);
}

QString FlowVersionViewer::bannerText() const
{
    return m_banner->text();
}

QString FlowVersionViewer::legendText() const
{
    return m_legend->text();
}

void FlowVersionViewer::retranslate()
{
    m_restore->setText(tr("&Restore as Draft"));
    m_restore->setToolTip(
        tr("Save this version's content as a new draft version after the latest one"));
    m_close->setText(tr("&Back to the Draft"));
    m_close->setToolTip(tr("Close this view and go back to editing"));
    m_restore->setVisible(m_mode == Mode::Version);
    m_restore->setEnabled(m_canRestore);
    if (m_mode == Mode::Version && !m_canRestore)
        m_restore->setToolTip(tr("You may look at this flow but not change it."));
    switch (m_mode) {
    case Mode::None:
        m_banner->clear();
        break;
    case Mode::Version:
        m_banner->setText(
            tr("Version %1 of “%2”, saved by %3 on %4. Read-only: restore it as a draft to "
               "edit it.")
                .arg(m_version, m_flowName, m_author, dateTimeText(m_savedAt)));
        break;
    case Mode::Diff: {
        const auto label = [](const QString &version) {
            return version.isEmpty() ? tr("your draft") : tr("version %1").arg(version);
        };
        m_banner->setText(tr("Changes from %1 to %2. Read-only.")
                              .arg(label(m_beforeVersion), label(m_afterVersion)));
    } break;
    }
    const FlowCanvasStyle &s = m_editor->scene()->canvasStyle();
    using Kind = FlowDiff::Kind;
    m_legend->setText(QStringList{swatch(s.diffAdded, QStringLiteral("+"),
                                         tr("%n added", nullptr, m_diff.count(Kind::Added))),
                                  swatch(s.diffRemoved, QStringLiteral("−"),
                                         tr("%n removed", nullptr, m_diff.count(Kind::Removed))),
                                  swatch(s.diffChanged, QStringLiteral("~"),
                                         tr("%n changed", nullptr, m_diff.count(Kind::Changed)))}
                          .join(QStringLiteral("&nbsp;&nbsp; ")));
    const QLocale locale;
    m_summary->setText(tr("Connections: %1 added, %2 removed. Settings: %3 changed.")
                           .arg(locale.toString(m_diff.edgeCount(Kind::Added)),
                                locale.toString(m_diff.edgeCount(Kind::Removed)),
                                locale.toString(static_cast<int>(m_diff.settings.size()))));
    if (m_mode == Mode::Diff)
        fillChanges();
}

void FlowVersionViewer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace hm::app
