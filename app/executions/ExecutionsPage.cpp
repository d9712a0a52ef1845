#include "executions/ExecutionsPage.h"

#include "client/ApiClient.h"
#include "client/ApiError.h"
#include "client/EventHub.h"
#include "client/FlowsApi.h"
#include "client/Within.h"
#include "executions/ExecutionFeed.h"
#include "executions/ExecutionState.h"
#include "executions/ExecutionViewer.h"
#include "widgets/IconBadge.h"
#include "widgets/PageFrame.h"
#include "widgets/RunStatus.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/ServerErrorText.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace hm::app {

namespace {

const QString kHeaderKey = QStringLiteral("executions/listHeader");
constexpr int kLoadingDelayMs = 150; // console.md: a spinner after 150 ms, not before
constexpr qint64 kHour = 3600 * 1000;

// The status column: the status's icon and word in its colour.
class RunStatusDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString text = opt.text;
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const auto status = RunStatus(index.data(ExecutionListModel::StatusRole).toInt());
        const bool dark = isDarkPalette(opt.palette);
        const QColor colour = (opt.state & QStyle::State_Selected)
                                  ? opt.palette.color(QPalette::HighlightedText)
                                  : runStatusColour(status, dark);
        const int icon = 12;
        const QRect r = opt.rect.adjusted(6, 0, -4, 0);
        paintRunStatusIcon(painter, QRectF(r.left(), r.center().y() - icon / 2.0, icon, icon),
                           status, colour);
        painter->save();
        painter->setPen(colour);
        painter->drawText(r.adjusted(icon + 6, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                          opt.fontMetrics.elidedText(text, Qt::ElideRight, r.width() - icon - 6));
        painter->restore();
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.rwidth() += 22;
        return size;
    }
};

} // namespace

ExecutionsPage::ExecutionsPage(QWidget *parent)
    : QWidget(parent), m_model(new ExecutionListModel(this)), m_events(nullptr)
{
    setObjectName(QStringLiteral("page.executions"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("executions.pages"));
    layout->addWidget(m_pages);
    m_pages->addWidget(createListPage());
    m_viewer = new ExecutionViewer(m_pages);
    m_pages->addWidget(m_viewer);
    connect(m_viewer, &ExecutionViewer::backRequested, this, &ExecutionsPage::showList);

    connect(m_model, &ExecutionListModel::stateChanged, this, &ExecutionsPage::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ExecutionsPage::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ExecutionsPage::updateState);

    m_loadingDelay.setSingleShot(true);
    m_loadingDelay.setInterval(kLoadingDelayMs);
    connect(&m_loadingDelay, &QTimer::timeout, this, [this] {
        m_loadingShown = true;
        updateState();
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, m_model, &ExecutionListModel::tick);
    m_tick.start();

    retranslateUi();
    updateState();
}

ExecutionsPage::~ExecutionsPage()
{
    saveHeader();
    if (m_events)
        m_events->unsubscribe(this);
}

QWidget *ExecutionsPage::createListPage()
{
    auto *page = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(pageMargins());
    layout->setSpacing(0);
    const PageTitle title = createPageTitle(page);
    m_title = title.title;
    m_subtitle = title.subtitle;
    layout->addLayout(title.row);
    layout->addSpacing(8);

    auto *filters = new QHBoxLayout;
    filters->setSpacing(8);
    m_flowFilter = new QComboBox(page);
    m_flowFilter->setObjectName(QStringLiteral("executions.filter.flow"));
    m_flowFilter->setMinimumContentsLength(18);
    m_flowFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_flowFilter->addItem(QString(), QString());
    m_statusFilter = new QComboBox(page);
    m_statusFilter->setObjectName(QStringLiteral("executions.filter.status"));
    m_statusFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_statusFilter->addItem(QString(), QString());
    for (const RunStatus s :
         {RunStatus::Running, RunStatus::Queued, RunStatus::Completed, RunStatus::Failed,
          RunStatus::Cancelling, RunStatus::Cancelled, RunStatus::Pending})
        m_statusFilter->addItem(QString(), runStatusName(s));
    m_timeFilter = new QComboBox(page);
    m_timeFilter->setObjectName(QStringLiteral("executions.filter.time"));
    m_timeFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const qint64 within : {qint64(0), kHour, 24 * kHour, 7 * 24 * kHour, 30 * 24 * kHour})
        m_timeFilter->addItem(QString(), within);
    m_count = new QLabel(page);
    m_count->setObjectName(QStringLiteral("executions.count"));
    m_refresh = new QPushButton(page);
    m_refresh->setObjectName(QStringLiteral("executions.refresh"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    connect(m_refresh, &QPushButton::clicked, this, &ExecutionsPage::refresh);
    filters->addWidget(m_flowFilter);
    filters->addWidget(m_statusFilter);
    filters->addWidget(m_timeFilter);
    filters->addStretch(1);
    filters->addWidget(m_count);
    filters->addWidget(m_refresh);
    layout->addLayout(filters);
    layout->addSpacing(12);
    for (QComboBox *box : {m_flowFilter, m_statusFilter, m_timeFilter})
        connect(box, &QComboBox::currentIndexChanged, this, &ExecutionsPage::applyFilter);

    m_listStack = new QStackedWidget(page);
    m_list = new QTableView(m_listStack);
    m_list->setObjectName(QStringLiteral("executions.list"));
    m_list->setModel(m_model);
    m_list->setItemDelegateForColumn(ExecutionListModel::StatusColumn,
                                     new RunStatusDelegate(m_list));
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAlternatingRowColors(true);
    m_list->setShowGrid(false);
    m_list->setWordWrap(false);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 12);
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_list->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setColumnWidth(ExecutionListModel::StatusColumn, 130);
    m_list->setColumnWidth(ExecutionListModel::FlowColumn, 240);
    m_list->setColumnWidth(ExecutionListModel::VersionColumn, 80);
    m_list->setColumnWidth(ExecutionListModel::StartedColumn, 190);
    m_list->setColumnWidth(ExecutionListModel::DurationColumn, 110);
    m_list->setColumnWidth(ExecutionListModel::TriggeredByColumn, 160);
    m_list->setColumnHidden(ExecutionListModel::TriggeredByColumn, true);
    if (const QByteArray state = QSettings().value(kHeaderKey).toByteArray(); !state.isEmpty())
        m_list->horizontalHeader()->restoreState(state);
    connect(m_list, &QTableView::activated, this, &ExecutionsPage::openRow);
    connect(m_list->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            [this](const QPoint &pos) {
                // Which columns to show.
                QMenu menu(this);
                for (int c = 0; c < ExecutionListModel::ColumnCount; ++c) {
                    QAction *a = menu.addAction(
                        m_model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
                    a->setCheckable(true);
                    a->setChecked(!m_list->isColumnHidden(c));
                    a->setEnabled(c != ExecutionListModel::StatusColumn);
                    connect(a, &QAction::toggled, this, [this, c](bool on) {
                        m_list->setColumnHidden(c, !on);
                        saveHeader();
                    });
                }
                menu.exec(m_list->horizontalHeader()->mapToGlobal(pos));
            });
    m_listStack->addWidget(m_list);
    m_listStack->addWidget(createStatePanel());
    layout->addWidget(m_listStack, 1);
    return page;
}

QWidget *ExecutionsPage::createStatePanel()
{
    m_state = new SectionEmptyState(QStringLiteral("executions"), m_listStack);
    m_state->setBadge(createIconBadge(QStringLiteral(":/icons/executions.svg"), 72, m_state));
    connect(m_state->action(), &QPushButton::clicked, this, [this] {
        switch (m_model->state()) {
        case ExecutionListModel::State::Error:
            m_model->reload();
            break;
        case ExecutionListModel::State::Ready:
            if (!m_model->filter().isEmpty()) {
                m_flowFilter->setCurrentIndex(0);
                m_statusFilter->setCurrentIndex(0);
                m_timeFilter->setCurrentIndex(0);
            } else {
                emit showFlowsRequested();
            }
            break;
        default:
            break;
        }
    });
    return m_state;
}

void ExecutionsPage::applySession(const Session &session)
{
    const bool connectedNow = session.connected && !m_session.connected;
    const bool signedInNow = session.signedIn && !m_session.sameSignIn(session);
    m_session = session;
    if (connectedNow)
        setClient(session.client);
    if (signedInNow && session.connected)
        refresh();
}

bool ExecutionsPage::openItem(const QString &executionId)
{
    openExecution(executionId);
    return true;
}

void ExecutionsPage::setClient(hm::client::ApiClient *client)
{
    if (client == m_client)
        return;
    m_client = client;
    m_viewer->setClient(client);
    m_model->setClient(client);
    followEvents();
    loadFlows();
}

void ExecutionsPage::followEvents()
{
    hm::client::EventHub *hub = m_client ? hm::client::EventHub::of(m_client) : nullptr;
    if (hub != m_events) {
        if (m_events) {
            m_events->unsubscribe(this);
            disconnect(m_events, nullptr, this, nullptr);
            disconnect(m_events, nullptr, m_model, nullptr);
        }
        m_events = hub;
        if (!hub)
            return;
        connect(hub, &hm::client::EventHub::executionChanged, m_model,
                &ExecutionListModel::applyEvent);
        // Whatever happened while the stream was down: merged, not reloaded.
        connect(hub, &hm::client::EventHub::resynchronise, m_model, &ExecutionListModel::refresh);
    }
    // Again after a sign-in: the hub opens once the client has a credential.
    if (hub)
        hub->subscribe(this);
}

void ExecutionsPage::loadFlows()
{
    if (!m_client)
        return;
    hm::client::FlowsApi(*m_client).list(
        {}, {1, 100},
        hm::client::within(this, [this](Result<hm::client::Page<hm::client::FlowSummary>> answer) {
            if (!answer)
                return;
            const QString current = m_flowFilter->currentData().toString();
            const QSignalBlocker block(m_flowFilter);
            while (m_flowFilter->count() > 1)
                m_flowFilter->removeItem(1);
            for (const hm::client::FlowSummary &flow : answer->items)
                m_flowFilter->addItem(flow.name, flow.id);
            const int at = m_flowFilter->findData(current);
            m_flowFilter->setCurrentIndex(std::max(0, at));
        }));
}

void ExecutionsPage::applyFilter()
{
    ExecutionListModel::Filter filter;
    filter.flowId = m_flowFilter->currentData().toString();
    filter.status = m_statusFilter->currentData().toString();
    filter.withinMs = m_timeFilter->currentData().toLongLong();
    m_model->setFilter(filter);
}

void ExecutionsPage::refresh()
{
    followEvents();
    loadFlows();
    m_model->refresh();
}

bool ExecutionsPage::isViewerShown() const
{
    return m_pages->currentWidget() == m_viewer;
}

void ExecutionsPage::openExecution(const QString &executionId)
{
    if (executionId.isEmpty())
        return;
    const bool shown = executionId == m_viewer->executionId() && m_viewer->state()->isKnown() &&
                       m_viewer->feed()->connection() != ExecutionFeed::Connection::Failed;
    m_pages->setCurrentWidget(m_viewer);
    if (!shown) // the same execution stays as it is, live
        m_viewer->openExecution(executionId);
}

void ExecutionsPage::showList()
{
    m_pages->setCurrentIndex(0);
    const int row = m_model->rowOf(m_viewer->executionId());
    if (row >= 0)
        m_list->selectRow(row);
    m_list->setFocus();
}

void ExecutionsPage::openRow(const QModelIndex &index)
{
    if (index.isValid())
        openExecution(index.data(ExecutionListModel::ExecutionIdRole).toString());
}

void ExecutionsPage::saveHeader() const
{
    QSettings().setValue(kHeaderKey, m_list->horizontalHeader()->saveState());
}

void ExecutionsPage::updateState()
{
    using State = ExecutionListModel::State;
    const State state = m_model->state();
    const qint64 total = std::max<qint64>(m_model->totalCount(), m_model->rowCount());
    m_count->setText(state == State::Ready ? tr("%n execution(s)", "", int(total)) : QString());
    if (state != State::Loading) {
        m_loadingDelay.stop();
        m_loadingShown = false;
    }
    switch (state) {
    case State::Idle:
        m_state->setContent({tr("Not connected to a server"),
                             tr("The executions appear here once the console is connected to a "
                                "server and signed in."),
                             {},
                             {},
                             false});
        m_listStack->setCurrentWidget(m_state);
        return;
    case State::Loading:
        // Nothing for the first 150 ms, then say that it loads.
        if (!m_loadingShown) {
            if (!m_loadingDelay.isActive())
                m_loadingDelay.start();
            m_listStack->setCurrentWidget(m_list); // its empty header, as a skeleton
            return;
        }
        m_state->setContent({tr("Loading executions…"), {}, {}, {}, true});
        m_listStack->setCurrentWidget(m_state);
        return;
    case State::Error: {
        const hm::Error &error = m_model->lastError();
        // The reason as a sentence of its own.
        QString reason = describeApiError(error);
        if (!reason.isEmpty())
            reason[0] = reason[0].toUpper();
        const QString requestId = hm::client::errorRequestId(error);
        m_state->setContent(
            {tr("The executions could not be loaded"), tr("%1.").arg(reason), tr("Retry"),
             requestId.isEmpty() ? tr("Error code %1").arg(hm::client::errorServerCode(error))
                                 : tr("Error code %1, request %2")
                                       .arg(hm::client::errorServerCode(error), requestId),
             false});
        m_listStack->setCurrentWidget(m_state);
        return;
    }
    case State::Ready:
        break;
    }
    if (m_model->rowCount() > 0) {
        m_listStack->setCurrentWidget(m_list);
        return;
    }
    if (m_model->filter().isEmpty()) {
        m_state->setContent({tr("No executions yet"),
                             tr("Every run of a flow appears here as it happens, with its "
                                "status, its timeline and its log. Run a flow to see the first "
                                "one."),
                             tr("Go to Flows"),
                             {},
                             false});
    } else {
        m_state->setContent({tr("No executions match these filters"),
                             tr("Change the flow, status or time range, or clear the filters."),
                             tr("Clear Filters"),
                             {},
                             false});
    }
    m_listStack->setCurrentWidget(m_state);
}

void ExecutionsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ExecutionsPage::retranslateUi()
{
    m_title->setText(tr("Executions"));
    m_subtitle->setText(tr("Every run of every flow you may see, newest first, updated live."));
    m_flowFilter->setItemText(0, tr("All flows"));
    m_statusFilter->setItemText(0, tr("Any status"));
    for (int i = 1; i < m_statusFilter->count(); ++i)
        m_statusFilter->setItemText(
            i, runStatusLabel(runStatusFromName(m_statusFilter->itemData(i).toString())));
    const QStringList times{tr("Any time"), tr("Last hour"), tr("Last 24 hours"), tr("Last 7 days"),
                            tr("Last 30 days")};
    for (int i = 0; i < times.size(); ++i)
        m_timeFilter->setItemText(i, times[i]);
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(
        tr("Read the list again (%1)")
            .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    updateState();
}

} // namespace hm::app
