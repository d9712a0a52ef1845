#include "executions/ExecutionViewer.h"

#include "client/ApiClient.h"
#include "client/ExecutionsApi.h"
#include "client/FlowsApi.h"
#include "client/Within.h"
#include "common/Logging.h"
#include "executions/ExecutionFeed.h"
#include "executions/ExecutionFormat.h"
#include "executions/ExecutionGraphView.h"
#include "executions/ExecutionLogModel.h"
#include "executions/ExecutionState.h"
#include "executions/GanttTimeline.h"
#include "executions/NodeDetailPanel.h"
#include "flows/CatalogueSource.h"
#include "widgets/MessageBox.h"
#include "widgets/RunStatus.h"
#include "widgets/ServerErrorText.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace hm::app {

namespace {

constexpr int kAnimationMs = 33; // ~30 frames a second while running
constexpr int kSpinnerTurnMs = 1200;

QLabel *captionLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setProperty("executionCaption", true);
    return label;
}

} // namespace

ExecutionViewer::ExecutionViewer(QWidget *parent)
    : QWidget(parent), m_state(new ExecutionState(this)), m_feed(new ExecutionFeed(m_state, this))
{
    setObjectName(QStringLiteral("execution.viewer"));
    m_clock.start();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createHeader());

    m_graph = new ExecutionGraphView(m_state, this);
    m_timeline = new GanttTimeline(m_state, this);
    m_detail = new NodeDetailPanel(m_state, this);

    auto *left = new QSplitter(Qt::Vertical, this);
    left->setObjectName(QStringLiteral("execution.graphSplit"));
    left->addWidget(m_graph);
    left->addWidget(m_timeline);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);
    auto *middle = new QSplitter(Qt::Horizontal, this);
    middle->setObjectName(QStringLiteral("execution.detailSplit"));
    middle->addWidget(left);
    middle->addWidget(m_detail);
    middle->setStretchFactor(0, 3);
    middle->setStretchFactor(1, 1);
    m_split = new QSplitter(Qt::Vertical, this);
    m_split->setObjectName(QStringLiteral("execution.splitter"));
    m_split->addWidget(middle);
    m_split->addWidget(createLog());
    m_split->setStretchFactor(0, 4);
    m_split->setStretchFactor(1, 1);
    for (QSplitter *s : {left, middle, m_split})
        s->setChildrenCollapsible(false);
    middle->setSizes({900, 340});
    left->setSizes({330, 220});
    m_split->setSizes({560, 150});
    layout->addWidget(m_split, 1);

    connect(m_graph, &ExecutionGraphView::nodeSelected, this, &ExecutionViewer::selectNode);
    // A service node whose endpoint is gone: its reason under the header
    // too (the badge's tooltip says it on the card), unless a message of
    // the viewer's own is there.
    connect(m_graph, &ExecutionGraphView::nodeWarningsChanged, this, [this] {
        if (!m_message->isHidden() && !m_showingNodeWarnings)
            return;
        const QStringList warnings = m_graph->allNodeWarnings();
        showMessage([=]() -> QString { return warnings.join(QLatin1Char('\n')); }, false);
        m_showingNodeWarnings = !warnings.isEmpty();
    });
    connect(m_timeline, &GanttTimeline::nodeSelected, this, &ExecutionViewer::selectNode);
    connect(m_state, &ExecutionState::executionChanged, this, [this] {
        updateHeader();
        updateActions();
        updateAnimation();
        if (!m_state->flowId().isEmpty() && m_state->flowId() != m_flowRequested)
            loadFlow();
    });
    connect(m_feed, &ExecutionFeed::connectionChanged, this, &ExecutionViewer::updateConnection);
    m_animation.setInterval(kAnimationMs);
    connect(&m_animation, &QTimer::timeout, this, &ExecutionViewer::animate);

    retranslateUi();
    updateHeader();
    updateActions();
}

ExecutionViewer::~ExecutionViewer()
{
    m_animation.stop();
}

QWidget *ExecutionViewer::createHeader()
{
    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("executionHeader"));
    auto *box = new QVBoxLayout(header);
    box->setContentsMargins(16, 12, 16, 10);
    box->setSpacing(6);

    auto *top = new QHBoxLayout;
    top->setSpacing(10);
    m_back = new QToolButton(header);
    m_back->setObjectName(QStringLiteral("execution.back"));
    m_back->setAutoRaise(true);
    m_back->setShortcut(QKeySequence::Back);
    connect(m_back, &QToolButton::clicked, this, &ExecutionViewer::backRequested);
    m_title = new QLabel(header);
    m_title->setObjectName(QStringLiteral("execution.title"));
    m_title->setProperty("executionTitle", true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_version = new QLabel(header);
    m_version->setObjectName(QStringLiteral("execution.version"));
    m_badge = new RunStatusBadge(header);
    m_badge->setObjectName(QStringLiteral("execution.status"));
    top->addWidget(m_back);
    top->addWidget(m_title);
    top->addWidget(m_version);
    top->addWidget(m_badge);
    top->addStretch(1);

    m_cancel = new QPushButton(header);
    m_cancel->setObjectName(QStringLiteral("execution.cancel"));
    connect(m_cancel, &QPushButton::clicked, this, &ExecutionViewer::cancelExecution);
    m_kill = new QPushButton(header);
    m_kill->setObjectName(QStringLiteral("execution.kill"));
    connect(m_kill, &QPushButton::clicked, this, &ExecutionViewer::killExecution);
    m_rerun = new QPushButton(header);
    m_rerun->setObjectName(QStringLiteral("execution.rerun"));
    m_rerunMenu = new QMenu(m_rerun);
    m_rerunMenu->setObjectName(QStringLiteral("execution.rerunMenu"));
    m_rerunStart = m_rerunMenu->addAction(QString());
    m_rerunStart->setObjectName(QStringLiteral("action.rerunFromStart"));
    m_rerunFailed = m_rerunMenu->addAction(QString());
    m_rerunFailed->setObjectName(QStringLiteral("action.rerunFromFailed"));
    m_rerunMenu->addSeparator();
    m_rerunStartLatest = m_rerunMenu->addAction(QString());
    m_rerunStartLatest->setObjectName(QStringLiteral("action.rerunFromStartLatest"));
    m_rerunFailedLatest = m_rerunMenu->addAction(QString());
    m_rerunFailedLatest->setObjectName(QStringLiteral("action.rerunFromFailedLatest"));
    connect(m_rerunStart, &QAction::triggered, this,
            [this] { rerun(QStringLiteral("start"), {}); });
    connect(m_rerunFailed, &QAction::triggered, this,
            [this] { rerun(QStringLiteral("failed"), {}); });
    connect(m_rerunStartLatest, &QAction::triggered, this,
            [this] { rerun(QStringLiteral("start"), m_latestVersion); });
    connect(m_rerunFailedLatest, &QAction::triggered, this,
            [this] { rerun(QStringLiteral("failed"), m_latestVersion); });
    m_rerun->setMenu(m_rerunMenu);
    top->addWidget(m_cancel);
    top->addWidget(m_kill);
    top->addWidget(m_rerun);
    box->addLayout(top);

    auto *info = new QHBoxLayout;
    info->setSpacing(18);
    m_started = captionLabel(QStringLiteral("execution.started"), header);
    m_elapsed = captionLabel(QStringLiteral("execution.elapsed"), header);
    m_progress = captionLabel(QStringLiteral("execution.progress"), header);
    m_connection = captionLabel(QStringLiteral("execution.connection"), header);
    info->addWidget(m_started);
    info->addWidget(m_elapsed);
    info->addWidget(m_progress);
    info->addStretch(1);
    info->addWidget(m_connection);
    box->addLayout(info);

    m_message = new QLabel(header);
    m_message->setObjectName(QStringLiteral("execution.message"));
    m_message->setProperty("executionMessage", true);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    box->addWidget(m_message);
    m_messageLine = new MessageLine(this, [this](const QString &text, MessageLine::Kind) {
        m_message->setText(text);
        m_message->setVisible(!text.isEmpty());
    });
    return header;
}

QWidget *ExecutionViewer::createLog()
{
    auto *panel = new QWidget(this);
    panel->setObjectName(QStringLiteral("execution.logPanel"));
    auto *box = new QVBoxLayout(panel);
    box->setContentsMargins(12, 6, 12, 8);
    box->setSpacing(4);
    auto *bar = new QHBoxLayout;
    m_logTitle = new QLabel(panel);
    m_logTitle->setObjectName(QStringLiteral("cardTitle"));
    m_logSearch = new QLineEdit(panel);
    m_logSearch->setObjectName(QStringLiteral("execution.log.filter"));
    m_logSearch->setClearButtonEnabled(true);
    m_logSearch->setMaximumWidth(260);
    m_logLevel = new QComboBox(panel);
    m_logLevel->setObjectName(QStringLiteral("execution.log.level"));
    m_logLevel->addItems({QString(), QString(), QString()});
    m_follow = new QCheckBox(panel);
    m_follow->setObjectName(QStringLiteral("execution.log.follow"));
    m_follow->setChecked(true);
    bar->addWidget(m_logTitle);
    bar->addStretch(1);
    bar->addWidget(m_logSearch);
    bar->addWidget(m_logLevel);
    bar->addWidget(m_follow);
    box->addLayout(bar);

    m_logModel = new ExecutionLogModel(m_state, this);
    m_logFilter = new ExecutionLogFilter(this);
    m_logFilter->setSourceModel(m_logModel);
    m_log = new QListView(panel);
    m_log->setObjectName(QStringLiteral("execution.log"));
    m_log->setModel(m_logFilter);
    m_log->setUniformItemSizes(true);
    m_log->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_log->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    box->addWidget(m_log, 1);

    connect(m_logSearch, &QLineEdit::textChanged, m_logFilter, &ExecutionLogFilter::setText);
    connect(m_logLevel, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_logFilter->setMinimumLevel(ExecutionLogLine::Level(std::max(0, index)));
    });
    connect(m_logFilter, &QAbstractItemModel::rowsInserted, this, &ExecutionViewer::onLogAppended);
    connect(m_logFilter, &QAbstractItemModel::modelReset, this, &ExecutionViewer::onLogAppended);
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_log->scrollToBottom();
    });
    // Scrolling up stops following the tail; back at the bottom follows again.
    connect(m_log->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (m_scrollingToTail)
            return;
        m_follow->setChecked(value >= m_log->verticalScrollBar()->maximum());
    });
    connect(m_log, &QListView::activated, this, [this](const QModelIndex &index) {
        const QString node = index.data(ExecutionLogModel::NodeRole).toString();
        if (!node.isEmpty())
            selectNode(node);
    });
    return panel;
}

void ExecutionViewer::onLogAppended()
{
    if (!m_follow->isChecked())
        return;
    m_scrollingToTail = true;
    m_log->scrollToBottom();
    m_scrollingToTail = false;
}

void ExecutionViewer::setClient(hm::client::ApiClient *client)
{
    // The old client's source must not keep updating the graph.
    if (client != m_client) {
        if (CatalogueSource *old = CatalogueSource::find(m_client))
            old->detach(m_graph->graphModel());
    }
    m_client = client;
    m_feed->setClient(client);
    m_detail->setClient(client);
}

QString ExecutionViewer::executionId() const
{
    return m_state->executionId();
}

QString ExecutionViewer::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void ExecutionViewer::openExecution(const QString &executionId)
{
    ++m_generation;
    m_state->reset(executionId);
    m_logModel->retranslate();
    m_flowRequested.clear();
    m_flowName.clear();
    m_latestVersion.clear();
    m_graph->setDefinition(QJsonObject{{QStringLiteral("nodes"), QJsonArray()}});
    m_detail->showNode({});
    m_timeline->setSelectedNode({});
    clearMessage();
    loadCatalogue();
    m_feed->start(executionId);
    updateHeader();
    updateActions();
    updateConnection();
    emit executionOpened(executionId);
}

void ExecutionViewer::loadCatalogue()
{
    if (!m_client)
        return;
    // The client's one source: the components and each service node's
    // typed ports, asked again for this execution's graph.
    CatalogueSource *source = CatalogueSource::of(m_client);
    source->attach(m_graph->graphModel());
    source->forgetInterfaces(m_graph->graphModel());
}

void ExecutionViewer::loadFlow()
{
    if (!m_client)
        return;
    m_flowRequested = m_state->flowId();
    const QString flowId = m_flowRequested;
    const QString version = m_state->flowVersion();
    const quint64 generation = m_generation;
    hm::client::FlowsApi flows(*m_client);
    flows.get(flowId,
              hm::client::within(this, [this, generation](Result<hm::client::FlowDetail> answer) {
                  if (m_generation != generation || !answer)
                      return;
                  m_flowName = answer->name;
                  m_latestVersion = answer->latestVersion.version;
                  updateHeader();
                  updateActions();
              }));
    flows.versions(
        flowId, hm::client::within(this, [this, generation,
                                          version](Result<QList<hm::client::FlowVersion>> answer) {
            if (m_generation != generation)
                return;
            if (!answer) {
                showMessage([=]() -> QString {
                    return tr("The flow's graph could not be read: %1")
                        .arg(describeApiError(answer.error()));
                });
                return;
            }
            for (const hm::client::FlowVersion &v : answer.value()) {
                if (v.version != version)
                    continue;
                QStringList ids;
                QList<QPair<QString, QString>> edges;
                for (const QJsonValue n : v.definition.value(QStringLiteral("nodes")).toArray())
                    ids.append(n.toObject().value(QStringLiteral("id")).toString());
                for (const QJsonValue e : v.definition.value(QStringLiteral("edges")).toArray())
                    edges.append({e.toObject().value(QStringLiteral("source")).toString(),
                                  e.toObject().value(QStringLiteral("target")).toString()});
                m_state->setGraph(ids, edges);
                m_graph->setDefinition(v.definition);
                const QString selected = m_detail->nodeId();
                if (!selected.isEmpty())
                    m_graph->setSelectedNode(selected);
                return;
            }
        }));
}

void ExecutionViewer::selectNode(const QString &nodeId)
{
    m_graph->setSelectedNode(nodeId);
    m_timeline->setSelectedNode(nodeId);
    m_detail->showNode(nodeId);
}

void ExecutionViewer::showMessage(MessageLine::Text text, bool error)
{
    m_showingNodeWarnings = false;
    m_message->setProperty("error", error);
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
    m_messageLine->show(std::move(text), MessageLine::Kind::Lasting);
}

void ExecutionViewer::clearMessage()
{
    m_showingNodeWarnings = false;
    m_messageLine->clear();
}

void ExecutionViewer::cancelExecution()
{
    if (!m_client || !m_state->canCancel())
        return;
    const QString flow = m_flowName.isEmpty() ? m_state->flowId() : m_flowName;
    if (!MessageBox::confirm(
            this, tr("Cancel Execution"),
            tr("Cancel this execution of %1? Running nodes are asked to stop, and nodes that "
               "have not started will not run.")
                .arg(flow),
            tr("Cancel Execution"), QStringLiteral("execution.confirmCancel"),
            MessageBox::Confirm::Destructive, tr("Keep Running")))
        return;
    const quint64 generation = m_generation;
    m_cancel->setEnabled(false);
    hm::client::ExecutionsApi(*m_client).cancel(
        m_state->executionId(), QStringLiteral("user_requested"), {},
        hm::client::within(this, [this, generation](Result<hm::client::CancelOutcome> answer) {
            if (m_generation != generation)
                return;
            if (answer)
                clearMessage();
            else
                showMessage([=]() -> QString {
                    return tr("The execution could not be cancelled: %1")
                        .arg(describeApiError(answer.error()));
                });
            updateActions();
        }));
}

void ExecutionViewer::killExecution()
{
    if (!m_client || m_state->isFinal() || !m_state->isKnown())
        return;
    const QString flow = m_flowName.isEmpty() ? m_state->flowId() : m_flowName;
    if (!MessageBox::confirm(
            this, tr("Kill Execution"),
            tr("Kill this execution of %1 now? Running nodes are abandoned at once, without "
               "waiting for them to stop; what they were doing may be left half done.")
                .arg(flow),
            tr("Kill"), QStringLiteral("execution.confirmKill"), MessageBox::Confirm::Destructive))
        return;
    const quint64 generation = m_generation;
    m_kill->setEnabled(false);
    hm::client::ExecutionsApi(*m_client).kill(
        m_state->executionId(),
        hm::client::within(this, [this, generation](Result<hm::client::CancelOutcome> answer) {
            if (m_generation != generation)
                return;
            if (answer)
                clearMessage();
            else
                showMessage([=]() -> QString {
                    return tr("The execution could not be killed: %1")
                        .arg(describeApiError(answer.error()));
                });
            updateActions();
        }));
}

void ExecutionViewer::rerun(const QString &from, const QString &version)
{
    if (!m_client || m_state->executionId().isEmpty())
        return;
    const quint64 generation = m_generation;
    m_rerun->setEnabled(false);
    hm::client::ExecutionsApi(*m_client).rerun(
        m_state->executionId(), from, version,
        hm::client::within(this, [this, generation](Result<hm::client::TriggerOutcome> answer) {
            if (m_generation != generation)
                return;
            updateActions();
            if (!answer) {
                showMessage([=]() -> QString {
                    return tr("The execution could not be re-run: %1")
                        .arg(describeApiError(answer.error()));
                });
                return;
            }
            if (answer->state == hm::client::TriggerOutcome::State::Denied) {
                showMessage([=]() -> QString {
                    return tr("The execution could not be re-run: %1")
                        .arg(describeApiError(
                            Error{ErrorCode::ConcurrentDenied, answer->message, {}}));
                });
                return;
            }
            openExecution(answer->executionId);
        }));
}

void ExecutionViewer::updateHeader()
{
    const bool known = m_state->isKnown();
    m_title->setText(!m_flowName.isEmpty()          ? m_flowName
                     : !m_state->flowId().isEmpty() ? m_state->flowId()
                                                    : tr("Execution"));
    m_version->setText(m_state->flowVersion().isEmpty()
                           ? QString()
                           : tr("Version %1").arg(m_state->flowVersion()));
    m_badge->setStatus(known ? m_state->status() : RunStatus::Unknown);
    m_badge->setVisible(known);
    m_title->setToolTip(tr("Execution %1").arg(m_state->executionId()));

    const qint64 started = m_state->startedMs();
    if (m_state->status() == RunStatus::Queued)
        m_started->setText(m_state->queuePosition() > 0
                               ? tr("Waiting in the queue, position %1")
                                     .arg(QLocale().toString(m_state->queuePosition()))
                               : tr("Waiting in the queue"));
    else
        m_started->setText(started > 0 ? tr("Started %1").arg(formatDateTime(started))
                                       : (known ? tr("Not started yet") : tr("Loading…")));
    const qint64 elapsed = m_state->elapsedMs();
    if (elapsed < 0)
        m_elapsed->clear();
    else if (m_state->isFinal())
        m_elapsed->setText(tr("Took %1").arg(formatDuration(elapsed)));
    else if (const qint64 left = m_state->estimatedRemainingMs(); left > 0)
        m_elapsed->setText(
            tr("Elapsed %1 · about %2 left").arg(formatDuration(elapsed), formatDuration(left)));
    else
        m_elapsed->setText(tr("Elapsed %1").arg(formatDuration(elapsed)));
    const int total = m_state->nodeCount();
    m_progress->setText(total > 0 ? tr("%1 of %n node(s) finished", "", total)
                                        .arg(QLocale().toString(m_state->finishedCount()))
                                  : QString());
    if (!m_state->errorMessage().isEmpty() && m_state->status() == RunStatus::Failed)
        m_badge->setToolTip(m_state->errorMessage());
    else
        m_badge->setToolTip({});
}

void ExecutionViewer::updateActions()
{
    const bool known = m_state->isKnown() && m_client;
    const bool final = m_state->isFinal();
    m_cancel->setEnabled(known && m_state->canCancel());
    m_kill->setEnabled(known && !final);
    m_rerun->setEnabled(known && final);
    const QString pinned = m_state->flowVersion();
    const bool fromFailed =
        m_state->status() == RunStatus::Failed || m_state->status() == RunStatus::Cancelled;
    m_rerunStart->setText(tr("From the Start (Version %1)").arg(pinned));
    m_rerunFailed->setText(tr("From the Failed Node (Version %1)").arg(pinned));
    m_rerunFailed->setEnabled(fromFailed);
    const bool newer = !m_latestVersion.isEmpty() && m_latestVersion != pinned;
    m_rerunStartLatest->setText(tr("From the Start on Newest Version %1").arg(m_latestVersion));
    m_rerunFailedLatest->setText(
        tr("From the Failed Node on Newest Version %1").arg(m_latestVersion));
    m_rerunStartLatest->setVisible(newer);
    m_rerunFailedLatest->setVisible(newer);
    m_rerunFailedLatest->setEnabled(fromFailed);
    m_cancel->setToolTip(final ? tr("The execution has ended.")
                               : tr("Ask the running nodes to stop, then end the execution."));
    m_kill->setToolTip(final ? tr("The execution has ended.")
                             : tr("End the execution at once, without waiting for nodes."));
    m_rerun->setToolTip(final ? tr("Run this flow again with the same trigger input.")
                              : tr("An execution can be re-run once it has ended."));
}

void ExecutionViewer::updateConnection()
{
    switch (m_feed->connection()) {
    case ExecutionFeed::Connection::Idle:
    case ExecutionFeed::Connection::Ended:
        m_connection->clear();
        break;
    case ExecutionFeed::Connection::Connecting:
        m_connection->setText(tr("Connecting…"));
        break;
    case ExecutionFeed::Connection::Live:
        m_connection->setText(tr("● Live"));
        break;
    case ExecutionFeed::Connection::Reconnecting:
        m_connection->setText(tr("Connection lost, reconnecting…"));
        break;
    case ExecutionFeed::Connection::Failed:
        m_connection->clear();
        showMessage([reason = m_feed->message()] {
            return tr("The execution cannot be shown: %1").arg(reason);
        });
        break;
    }
}

void ExecutionViewer::updateAnimation()
{
    const bool running = isVisible() && m_state->isKnown() && !m_state->isFinal();
    if (running && !m_animation.isActive())
        m_animation.start();
    else if (!running && m_animation.isActive()) {
        m_animation.stop();
        animate(); // the last frame: no now line, final times
    }
}

void ExecutionViewer::animate()
{
    const qreal phase = qreal(m_clock.elapsed() % kSpinnerTurnMs) / kSpinnerTurnMs;
    m_graph->setPhase(phase);
    m_badge->setPhase(phase);
    m_timeline->refresh();
    // Elapsed time in the header: four times a second is enough.
    if (m_clock.elapsed() - m_lastHeaderMs >= 250) {
        m_lastHeaderMs = m_clock.elapsed();
        updateHeader();
    }
}

void ExecutionViewer::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateAnimation();
}

void ExecutionViewer::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_animation.stop();
}

void ExecutionViewer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ExecutionViewer::retranslateUi()
{
    m_back->setText(tr("‹ Executions"));
    m_back->setToolTip(
        tr("Back to the list of executions (%1)")
            .arg(QKeySequence(QKeySequence::Back).toString(QKeySequence::NativeText)));
    m_cancel->setText(tr("Cancel"));
    m_kill->setText(tr("Kill"));
    m_rerun->setText(tr("Re-run"));
    m_logTitle->setText(tr("Execution Log"));
    m_logSearch->setPlaceholderText(tr("Filter the log"));
    m_logLevel->setItemText(0, tr("All lines"));
    m_logLevel->setItemText(1, tr("Warnings and errors"));
    m_logLevel->setItemText(2, tr("Errors only"));
    m_follow->setText(tr("Follow"));
    m_follow->setToolTip(tr("Keep the newest lines in view"));
    m_logModel->retranslate();
    updateHeader();
    updateActions();
    updateConnection();
}

} // namespace hm::app
