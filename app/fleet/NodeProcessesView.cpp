#include "fleet/NodeProcessesView.h"

#include "client/RemoteApi.h"
#include "client/Within.h"
#include "fleet/KillProcessDialog.h"
#include "fleet/NodeProcessModel.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/MessageBox.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/ServerErrorText.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// A task manager's pace; the agent reads /proc for each answer.
constexpr int kProcessesRefreshMs = 3000;
constexpr int kProcessesSearchDelayMs = 300;

void setProcessesTone(QLabel *label, const QString &tone)
{
    label->setProperty("tone", tone);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

} // namespace

NodeProcessesView::NodeProcessesView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("nodes.processes"));
    m_model = new NodeProcessModel(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    auto *bar = new QHBoxLayout();
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("nodes.processes.search"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(360);
    bar->addWidget(m_search, 1);
    bar->addStretch();
    m_kill = new QPushButton(this);
    m_kill->setObjectName(QStringLiteral("nodes.processes.kill"));
    bar->addWidget(m_kill);
    layout->addLayout(bar);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("nodes.processes.message"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);
    m_messageLine = new MessageLine(this, [this](const QString &text, MessageLine::Kind) {
        m_message->setText(text);
        m_message->setVisible(!text.isEmpty());
    });

    m_stack = new QStackedWidget(this);
    m_view = new QTableView(m_stack);
    m_view->setObjectName(QStringLiteral("nodes.processes.list"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    alignHeaderLikeCells(m_view->horizontalHeader());
    m_view->setColumnWidth(NodeProcessModel::PidColumn, 70);
    m_view->setColumnWidth(NodeProcessModel::UserColumn, 90);
    m_view->setColumnWidth(NodeProcessModel::NameColumn, 170);
    m_view->setColumnWidth(NodeProcessModel::CpuColumn, 70);
    m_view->setColumnWidth(NodeProcessModel::MemoryColumn, 90);
    m_view->setColumnWidth(NodeProcessModel::StateColumn, 120);
    m_view->setColumnWidth(NodeProcessModel::StartedColumn, 140);
    // The indicator first: enabling sorting sorts by the indicator's column.
    m_view->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    m_view->setSortingEnabled(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_stack->addWidget(m_view);
    m_empty = new SectionEmptyState(QStringLiteral("nodes.processes"), m_stack);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("nodes.processes.status"));
    m_status->setProperty("hmStyle", QStringLiteral("muted"));
    layout->addWidget(m_status);

    // A column the server cannot sort by keeps the indicator where it was.
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int section) {
                if (NodeProcessModel::sortKey(section).isEmpty())
                    m_view->horizontalHeader()->setSortIndicator(m_model->sortColumn(),
                                                                 m_model->sortOrder());
            });
    connect(m_model, &NodeProcessModel::sortRequested, this, &NodeProcessesView::reload);
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(kProcessesSearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(&m_searchDelay, &QTimer::timeout, this, &NodeProcessesView::reload);
    connect(m_kill, &QPushButton::clicked, this, &NodeProcessesView::killSelected);
    auto *killKey = new QShortcut(QKeySequence::Delete, m_view);
    killKey->setContext(Qt::WidgetShortcut);
    connect(killKey, &QShortcut::activated, this, &NodeProcessesView::killSelected);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex at = m_view->indexAt(pos);
        if (!at.isValid())
            return;
        m_view->selectRow(at.row());
        QMenu menu(this);
        QAction *kill = menu.addAction(tr("Kill..."));
        kill->setObjectName(QStringLiteral("nodes.processes.killAction"));
        kill->setEnabled(m_kill->isEnabled());
        connect(kill, &QAction::triggered, this, &NodeProcessesView::killSelected);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &NodeProcessesView::updateActions);
    connect(m_empty->action(), &QPushButton::clicked, this, [this] {
        if (m_emptyAction == EmptyAction::ClearSearch)
            m_search->clear();
        else
            reload();
    });

    // The next read starts when the last one answered: a slow agent never
    // piles requests up.
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kProcessesRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &NodeProcessesView::reload);
    retranslateUi();
}

void NodeProcessesView::setClient(client::ApiClient *client)
{
    m_client = client;
    setNode(nullptr);
}

bool NodeProcessesView::isOnline() const
{
    return m_node && m_node->status == QLatin1String("online");
}

void NodeProcessesView::setNode(const client::NodeRow *node)
{
    const bool same = node && m_node && node->id == m_node->id;
    const bool wasOnline = isOnline();
    m_node = node ? std::optional<client::NodeRow>(*node) : std::nullopt;
    if (!same) {
        ++m_generation;
        m_inFlight = false;
        m_loaded = false;
        m_error.reset();
        m_model->clear();
        clearMessage();
        m_search->clear();
        m_searchDelay.stop();
    } else if (wasOnline == isOnline()) {
        // Another field of the row (last seen, labels): nothing to read.
        return;
    }
    reload();
}

void NodeProcessesView::reload()
{
    m_refresh.stop();
    m_searchDelay.stop();
    if (!m_client || !m_node || !isVisible() || !isOnline()) {
        showState();
        return;
    }
    client::ProcessQuery query;
    query.search = m_search->text().trimmed();
    query.sort = m_model->sortKeyInUse();
    query.descending = m_model->sortOrder() == Qt::DescendingOrder;
    const quint64 generation = ++m_generation;
    m_inFlight = true;
    showState();
    client::RemoteApi(*m_client).processes(
        m_node->id, query,
        client::within(this, [this, generation](Result<client::ProcessList> r) {
            if (generation != m_generation)
                return;
            m_inFlight = false;
            ++m_answers;
            if (r) {
                m_error.reset();
                m_loaded = true;
                m_total = r.value().total;
                m_truncated = r.value().truncated;
                m_model->setProcesses(r.value().items);
            } else {
                m_error = r.error();
            }
            // Refused for good (the agent's config, a grant): no point asking
            // every 3 s.
            const bool refused = m_error && (m_error->code == ErrorCode::CapabilityDisabled ||
                                             m_error->code == ErrorCode::Forbidden);
            if (isVisible() && isOnline() && !refused)
                m_refresh.start();
            showState();
        }));
}

void NodeProcessesView::killSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (!m_client || !m_node || rows.isEmpty() || !m_kill->isEnabled())
        return;
    const client::ProcessRow *row = m_model->process(rows.first().row());
    if (!row)
        return;
    const client::ProcessRow process = *row;
    KillProcessDialog dialog(process, m_node->name, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    const QString signal = dialog.signalName();
    const QString nodeId = m_node->id;
    // The signalled process is no longer chosen: when it ends, its row goes
    // and the view would carry the selection to a neighbour, which a second
    // Kill would then hit. Kill waits for the user to choose again.
    m_view->selectionModel()->clear();
    client::RemoteApi(*m_client).killProcess(
        nodeId, process.pid, signal,
        client::within(this, [this, process, signal, nodeId](Result<client::KillResult> r) {
            // Another node was picked meanwhile: the answer is not about it.
            if (!m_node || m_node->id != nodeId)
                return;
            const QString name = process.name;
            const auto pid = process.pid;
            if (r)
                showMessage(
                    [signal, name, pid] {
                        return tr("Sent SIG%1 to \"%2\" (pid %3).").arg(signal, name).arg(pid);
                    },
                    QStringLiteral("good"));
            else
                showMessage(
                    [name, pid, error = r.error()] {
                        return tr("\"%1\" (pid %2) was not signalled: %3")
                            .arg(name)
                            .arg(pid)
                            .arg(describeApiError(error));
                    },
                    QStringLiteral("bad"));
            reload();
        }));
}

void NodeProcessesView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void NodeProcessesView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload();
}

void NodeProcessesView::hideEvent(QHideEvent *event)
{
    m_refresh.stop();
    QWidget::hideEvent(event);
}

void NodeProcessesView::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search pid, name, command line or user"));
    m_kill->setText(tr("Kill..."));
    showState();
}

void NodeProcessesView::showMessage(MessageLine::Text text, const QString &tone)
{
    m_refreshFailed = false;
    setProcessesTone(m_message, tone);
    m_messageLine->show(std::move(text), MessageLine::Kind::Lasting);
}

void NodeProcessesView::clearMessage()
{
    m_refreshFailed = false;
    m_messageLine->clear();
}

void NodeProcessesView::updateActions()
{
    const bool selected = m_view->selectionModel()->hasSelection();
    const bool usable = m_client && isOnline() && m_stack->currentWidget() == m_view;
    m_kill->setEnabled(usable && selected);
    m_kill->setToolTip(!usable    ? QString()
                       : selected ? tr("Send a signal to the selected process; you choose "
                                       "which and confirm.")
                                  : tr("Select a process first."));
}

void NodeProcessesView::showState()
{
    const ErrorCode code = m_error ? m_error->code : ErrorCode::InternalError;
    const bool rows = m_model->rowCount() > 0;
    SectionEmptyState::Content content;
    m_emptyAction = EmptyAction::None;
    // Whether searching and killing make sense (a node-wide state hides them).
    bool tools = false;
    if (!m_node) {
        content.title = tr("No node selected");
        content.text = tr("Select a node to see its processes.");
    } else if (!isOnline()) {
        content.title = tr("The node is offline");
        content.text = tr("Its processes are read from its agent: they show here when the "
                          "agent connects again.");
    } else if (m_error && code == ErrorCode::CapabilityDisabled) {
        content.title = tr("This node's agent does not allow processes");
        content.text = tr("Its configuration does not grant \"processes\". Add it to the "
                          "agent's capabilities on the machine (--allow processes) to see and "
                          "signal its processes here.");
    } else if (m_error && code == ErrorCode::Forbidden && !rows) {
        content.title = tr("You may not see this node's processes");
        content.text = tr("An administrator can grant you \"processes\" on this node or one of "
                          "its labels under Users → Node grants.");
    } else if (m_error && !rows) {
        content.title = tr("The processes could not be read");
        content.text = describeApiErrorSentence(*m_error);
        content.details = serverErrorDetail(m_error->codeName(), m_error->message);
        content.action = tr("Retry");
        m_emptyAction = EmptyAction::Retry;
    } else if (!m_loaded) {
        tools = true;
        content.title = tr("Reading the processes...");
        content.busy = true;
    } else if (!rows && !m_search->text().trimmed().isEmpty()) {
        tools = true;
        content.title = tr("No process matches");
        content.text = tr("No process has \"%1\" in its pid, name, command line or user.")
                           .arg(m_search->text().trimmed());
        content.action = tr("Clear search");
        m_emptyAction = EmptyAction::ClearSearch;
    } else if (!rows) {
        tools = true;
        content.title = tr("No processes");
        content.text = tr("The agent listed none.");
    } else {
        tools = true;
    }
    const bool showList = content.title.isEmpty();
    if (!showList)
        m_empty->setContent(content);
    m_stack->setCurrentWidget(showList ? static_cast<QWidget *>(m_view) : m_empty);
    m_search->setVisible(tools);
    m_kill->setVisible(tools);

    QString status;
    if (showList) {
        // No plural forms: a number before "processes" reads right in
        // every language the console has, before lupdate fills them.
        const QString shown = QLocale().toString(m_model->rowCount());
        const QString total = QLocale().toString(m_total);
        status = m_truncated ? tr("%1 of %2 processes (list cut by the agent: search to narrow "
                                  "it)")
                                   .arg(shown, total)
                             : tr("%1 of %2 processes").arg(shown, total);
    }
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
    // A failed refresh over rows already shown: said on the message line,
    // the rows stay.
    if (m_error && rows && code != ErrorCode::CapabilityDisabled) {
        showMessage(
            [error = *m_error] {
                return tr("The list could not be refreshed: %1").arg(describeApiError(error));
            },
            QStringLiteral("bad"));
        m_refreshFailed = true;
    } else if (m_refreshFailed && !m_error) {
        clearMessage();
        m_refreshFailed = false;
    }
    updateActions();
}

} // namespace hm::app
