#include "fleet/OpenAlertsCard.h"

#include "fleet/AlertRecordModel.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/LiveEvents.h"
#include "widgets/ServerErrorText.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace hm::app {

OpenAlertsCard::OpenAlertsCard(QWidget *parent) : QFrame(parent)
{
    // The Dashboard's card look (its style sheet reads these).
    setObjectName(QStringLiteral("card"));
    setProperty("cardName", QStringLiteral("alerts"));
    setFrameShape(QFrame::NoFrame);
    m_model = new AlertRecordModel(this); // open ones only, newest first
    m_model->setPageSize(20);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    auto *head = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("cardTitle"));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("dashboard.alerts.state"));
    m_state->setProperty("hmStyle", QStringLiteral("muted"));
    m_state->setWordWrap(true);
    m_showAll = new QPushButton(this);
    m_showAll->setObjectName(QStringLiteral("dashboard.alerts.showAll"));
    head->addWidget(m_title);
    head->addSpacing(16);
    head->addWidget(m_state, 1);
    head->addWidget(m_showAll);
    layout->addLayout(head);

    m_list = new QTableView(this);
    m_list->setObjectName(QStringLiteral("dashboard.alerts.list"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    // A row is a link to the alert, not something to select here.
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setWordWrap(false);
    m_list->setShowGrid(false);
    m_list->verticalHeader()->hide();
    // Every row here fires, and its type is in the rule's name as a rule
    // names it: the state, type and resolved columns say nothing here.
    for (const int column : {int(AlertRecordModel::StateColumn), int(AlertRecordModel::TypeColumn),
                             int(AlertRecordModel::ResolvedColumn)})
        m_list->setColumnHidden(column, true);
    QHeaderView *header = m_list->horizontalHeader();
    alignHeaderLikeCells(header);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(AlertRecordModel::RuleColumn, QHeaderView::Stretch);
    m_list->setColumnWidth(AlertRecordModel::NodeColumn, 160);
    m_list->setColumnWidth(AlertRecordModel::ValueColumn, 110);
    m_list->setColumnWidth(AlertRecordModel::ConditionColumn, 110);
    m_list->setColumnWidth(AlertRecordModel::StartedColumn, 150);
    layout->addWidget(m_list);

    const auto open = [this](const QModelIndex &index) {
        const QString id = index.data(AlertRecordModel::RecordIdRole).toString();
        if (!id.isEmpty())
            emit openAlert(id);
    };
    connect(m_list, &QTableView::activated, this, open);
    connect(m_list, &QTableView::clicked, this, open);
    connect(m_showAll, &QPushButton::clicked, this, &OpenAlertsCard::showAllAlerts);

    m_live = new LiveEvents(this);
    connect(m_live, &LiveEvents::message, m_model, &AlertRecordModel::applyEvent);
    connect(m_live, &LiveEvents::reopened, m_model, &AlertRecordModel::refresh);
    connect(m_model, &RemoteListModel::stateChanged, this, &OpenAlertsCard::updateState);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &OpenAlertsCard::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OpenAlertsCard::updateState);
    retranslateUi();
}

void OpenAlertsCard::setClient(client::ApiClient *client)
{
    if (client == m_client)
        return;
    m_client = client;
    m_live->setClient(client);
    m_model->setClient(client); // another server's (or user's) alerts go at once
    if (client)
        m_model->reload();
    updateState();
}

void OpenAlertsCard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void OpenAlertsCard::retranslateUi()
{
    m_title->setText(tr("Open alerts"));
    m_showAll->setText(tr("Show all alerts"));
    m_showAll->setToolTip(tr("Open the Alerts section: every alert, the rules and channels."));
    updateState();
}

// One line says where the card stands; the list shows only with rows.
void OpenAlertsCard::updateState()
{
    const auto state = m_model->state();
    const qint64 firing = qMax<qint64>(m_model->totalCount(), m_model->rowCount());
    QString text;
    if (!m_client)
        text = tr("Sign in to see what is firing.");
    else if (state == RemoteListModel::State::Failed)
        text = tr("The alerts could not be read: %1").arg(describeApiError(m_model->lastError()));
    else if (state != RemoteListModel::State::Ready)
        text = tr("Reading the alerts…");
    else if (firing == 0)
        text = tr("Nothing is firing. Good.");
    else
        text = tr("%n alert(s) firing. Click one to see it in the Alerts section.", nullptr,
                  int(firing));
    m_state->setText(text);
    m_list->setVisible(m_client && state == RemoteListModel::State::Ready && firing > 0);
    // As tall as its rows, up to kVisibleRows; then it scrolls (and pages
    // in more).
    const int rows = qBound(1, m_model->rowCount(), kVisibleRows);
    m_list->setFixedHeight(m_list->horizontalHeader()->sizeHint().height() +
                           rows * m_list->verticalHeader()->defaultSectionSize() +
                           2 * m_list->frameWidth());
    m_showAll->setEnabled(m_client);
}

} // namespace hm::app
