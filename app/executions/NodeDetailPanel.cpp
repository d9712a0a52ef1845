#include "executions/NodeDetailPanel.h"

#include "client/ApiClient.h"
#include "client/ExecutionsApi.h"
#include "client/Within.h"
#include "executions/ExecutionFormat.h"
#include "executions/ExecutionState.h"
#include "widgets/RunStatus.h"
#include "widgets/ServerErrorText.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hm::app {

namespace {

QPlainTextEdit *jsonView(const QString &objectName, QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setObjectName(objectName);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

QString pretty(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented));
    if (value.isNull() || value.isUndefined())
        return {};
    return value.toVariant().toString();
}

// A `task` node's targets: its outputs' list once it ended, before that the
// line it logs when it resolved them ("targets (2): web-1 (id), web-2 (id)",
// core/engine/tasks/TaskExecutor.cpp). Empty when neither is there yet.
QString taskTargets(const QJsonObject &detail)
{
    const QJsonArray listed =
        detail.value(QStringLiteral("outputs")).toObject().value(QStringLiteral("targets")).toArray();
    if (!listed.isEmpty()) {
        QStringList names;
        for (const QJsonValue &target : listed) {
            const QJsonObject t = target.toObject();
            names << QStringLiteral("%1 (%2)").arg(t.value(QStringLiteral("node_name")).toString(),
                                                   t.value(QStringLiteral("node_id")).toString());
        }
        return names.join(QStringLiteral(", "));
    }
    static const QString prefix = QStringLiteral("targets (");
    const QJsonArray logs = detail.value(QStringLiteral("logs")).toArray();
    for (const QJsonValue &line : logs) {
        const QString text = line.toString();
        const qsizetype colon = text.indexOf(QStringLiteral("): "));
        if (text.startsWith(prefix) && colon > 0)
            return text.mid(colon + 3);
    }
    return {};
}

} // namespace

NodeDetailPanel::NodeDetailPanel(ExecutionState *state, QWidget *parent)
    : QWidget(parent), m_state(state)
{
    setObjectName(QStringLiteral("execution.nodeDetail"));
    m_refetch.setSingleShot(true);
    m_refetch.setInterval(150);
    connect(&m_refetch, &QTimer::timeout, this, &NodeDetailPanel::fetch);
    m_runningRefetch.setInterval(kRunningRefetchMs);
    connect(&m_runningRefetch, &QTimer::timeout, this, &NodeDetailPanel::fetch);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("execution.nodeDetail.empty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_empty);

    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    auto *head = new QHBoxLayout;
    m_title = new QLabel(page);
    m_title->setObjectName(QStringLiteral("cardTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_badge = new RunStatusBadge(page);
    m_badge->setObjectName(QStringLiteral("execution.nodeDetail.status"));
    head->addWidget(m_title, 1);
    head->addWidget(m_badge);
    pageLayout->addLayout(head);
    m_subtitle = new QLabel(page);
    m_subtitle->setObjectName(QStringLiteral("fieldCaption"));
    m_subtitle->setWordWrap(true);
    pageLayout->addWidget(m_subtitle);
    m_targets = new QLabel(page);
    m_targets->setObjectName(QStringLiteral("execution.nodeDetail.targets"));
    m_targets->setWordWrap(true);
    m_targets->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_targets->hide();
    pageLayout->addWidget(m_targets);

    m_tabs = new QTabWidget(page);
    m_tabs->setObjectName(QStringLiteral("execution.nodeDetail.tabs"));
    m_tabs->setDocumentMode(true);
    m_inputs = jsonView(QStringLiteral("execution.nodeDetail.inputs"), m_tabs);
    m_outputs = jsonView(QStringLiteral("execution.nodeDetail.outputs"), m_tabs);
    m_errorText = new QPlainTextEdit(m_tabs);
    m_errorText->setObjectName(QStringLiteral("execution.nodeDetail.error"));
    m_errorText->setReadOnly(true);
    m_attempts = new QTableWidget(0, 4, m_tabs);
    m_attempts->setObjectName(QStringLiteral("execution.nodeDetail.attempts"));
    m_attempts->verticalHeader()->hide();
    m_attempts->horizontalHeader()->setStretchLastSection(true);
    m_attempts->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_attempts->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_attempts->setTextElideMode(Qt::ElideRight);
    m_attempts->setWordWrap(false);
    m_attempts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_attempts->setSelectionMode(QAbstractItemView::NoSelection);
    m_logs = new QListWidget(m_tabs);
    m_logs->setObjectName(QStringLiteral("execution.nodeDetail.logs"));
    m_logs->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_logs->setUniformItemSizes(true);
    m_tabs->addTab(m_inputs, QString());
    m_tabs->addTab(m_outputs, QString());
    m_tabs->addTab(m_errorText, QString());
    m_tabs->addTab(m_attempts, QString());
    m_tabs->addTab(m_logs, QString());
    pageLayout->addWidget(m_tabs, 1);
    m_note = new QLabel(page);
    m_note->setObjectName(QStringLiteral("emptyStateNote"));
    m_note->setWordWrap(true);
    pageLayout->addWidget(m_note);
    m_stack->addWidget(page);

    connect(state, &ExecutionState::nodesChanged, this, &NodeDetailPanel::onNodesChanged);
    retranslateUi();
    render();
}

void NodeDetailPanel::setClient(hm::client::ApiClient *client)
{
    m_client = client;
}

void NodeDetailPanel::showNode(const QString &nodeId)
{
    if (nodeId == m_nodeId)
        return;
    m_nodeId = nodeId;
    m_detail = {};
    m_error.clear();
    ++m_generation;
    render();
    if (!nodeId.isEmpty())
        fetch();
}

void NodeDetailPanel::onNodesChanged(const QSet<QString> &nodeIds)
{
    if (m_nodeId.isEmpty() || !nodeIds.contains(m_nodeId))
        return;
    render(); // status and attempts at once; the server's detail shortly
    m_refetch.start();
}

void NodeDetailPanel::fetch()
{
    if (m_nodeId.isEmpty() || !m_client || m_state->executionId().isEmpty())
        return;
    const quint64 generation = ++m_generation;
    const QString nodeId = m_nodeId;
    hm::client::ExecutionsApi(*m_client).node(
        m_state->executionId(), nodeId,
        hm::client::within(this, [this, generation, nodeId](Result<QJsonObject> answer) {
            if (m_generation != generation)
                return;
            if (answer) {
                m_detail = answer.value();
                m_error.clear();
            } else if (answer.error().code == ErrorCode::ResourceNotFound) {
                m_detail = {};
                m_error.clear(); // never ran: nothing recorded yet
            } else {
                m_error = describeApiError(answer.error());
            }
            render();
            emit detailLoaded(nodeId);
        }));
}

void NodeDetailPanel::render()
{
    const NodeRun *run = m_nodeId.isEmpty() ? nullptr : m_state->node(m_nodeId);
    if (!run || run->status != RunStatus::Running)
        m_runningRefetch.stop();
    else if (!m_runningRefetch.isActive())
        m_runningRefetch.start();
    if (!run) {
        m_stack->setCurrentIndex(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    m_title->setText(run->id);
    const QString component = m_detail.value(QStringLiteral("component")).toString(run->component);
    const QString version = m_detail.value(QStringLiteral("version")).toString(run->version);
    m_subtitle->setText(version.isEmpty() ? component : tr("%1 · %2").arg(component, version));
    m_badge->setStatus(run->status);
    const QString targets = component == QLatin1String("task") ? taskTargets(m_detail) : QString();
    m_targets->setText(tr("Targets: %1").arg(targets));
    m_targets->setToolTip(targets);
    m_targets->setVisible(!targets.isEmpty());

    const bool ran = run->attempt > 0 || !m_detail.isEmpty();
    m_inputs->setPlainText(ran ? pretty(m_detail.value(QStringLiteral("inputs"))) : QString());
    m_outputs->setPlainText(ran ? pretty(m_detail.value(QStringLiteral("outputs"))) : QString());
    if (!ran)
        m_inputs->setPlaceholderText(tr("This node has not run yet."));
    else
        m_inputs->setPlaceholderText(tr("No inputs."));
    m_outputs->setPlaceholderText(ran ? tr("No outputs.") : tr("This node has not run yet."));

    // Error: the server's, else what the events told; a skip's reason.
    QString error;
    const QJsonObject detailError = m_detail.value(QStringLiteral("error")).toObject();
    const QString code = detailError.value(QStringLiteral("code")).toString(run->errorCode);
    const QString message =
        detailError.value(QStringLiteral("message")).toString(run->errorMessage);
    if (!code.isEmpty() || !message.isEmpty())
        error = tr("%1\n\n%2").arg(code, message);
    else if (run->status == RunStatus::Skipped)
        error = run->skipReason == QLatin1String("DEPENDENCY_FAILED")
                    ? tr("Skipped: a node it depends on failed.")
                    : tr("Skipped (%1).").arg(run->skipReason);
    m_errorText->setPlainText(error);
    m_errorText->setPlaceholderText(tr("No error."));
    m_tabs->setTabText(2, error.isEmpty() ? tr("Error") : tr("Error ●"));

    // Attempts: as the events told them, or as the snapshot summarised them.
    m_attempts->setRowCount(int(run->attempts.size()));
    for (int i = 0; i < run->attempts.size(); ++i) {
        const NodeAttempt &a = run->attempts.at(i);
        const qint64 start = a.startMs > 0 ? a.startMs : run->startedMs;
        const qint64 end = a.endMs > 0 ? a.endMs : m_state->serverNowMs();
        const QString number = run->unseenAttempts > 0 && i == 0
                                   ? tr("%1–%2").arg(a.number - run->unseenAttempts).arg(a.number)
                                   : QString::number(a.number);
        QString result = runStatusLabel(a.outcome);
        if (!a.errorCode.isEmpty())
            result =
                tr("%1: %2").arg(result, a.errorMessage.isEmpty() ? a.errorCode : a.errorMessage);
        const QStringList cells{number, formatClock(start, true), formatDuration(end - start),
                                result};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c == 3) {
                item->setForeground(runStatusColour(a.outcome, isDarkPalette(palette())));
                item->setToolTip(cells[c]);
            }
            m_attempts->setItem(i, c, item);
        }
    }
    // The result takes the room left (elided, whole in its tooltip).
    for (int c = 0; c < 3; ++c)
        m_attempts->resizeColumnToContents(c);

    m_logs->clear();
    for (const QJsonValue line : m_detail.value(QStringLiteral("logs")).toArray())
        m_logs->addItem(
            line.isString()
                ? line.toString()
                : QString::fromUtf8(QJsonDocument(line.toObject()).toJson(QJsonDocument::Compact)));
    const int logCount = m_logs->count();
    m_tabs->setTabText(4, logCount > 0 ? tr("Logs (%1)").arg(logCount) : tr("Logs"));

    if (!m_error.isEmpty())
        m_note->setText(tr("The node's details could not be read: %1").arg(m_error));
    else if (run->reused)
        m_note->setText(tr("Its outputs were reused from the execution this one re-runs."));
    else
        m_note->setText(tr("Values of sensitive fields are masked by the server."));
}

void NodeDetailPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void NodeDetailPanel::retranslateUi()
{
    m_empty->setText(tr("Select a node in the graph or the timeline to see its inputs, "
                        "outputs, error, attempts and logs."));
    m_tabs->setTabText(0, tr("Inputs"));
    m_tabs->setTabText(1, tr("Outputs"));
    m_tabs->setTabText(3, tr("Attempts"));
    m_attempts->setHorizontalHeaderLabels({tr("Attempt"), tr("Started"), tr("Took"), tr("Result")});
    render();
}

} // namespace hm::app
