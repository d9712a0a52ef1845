#include "fleet/ProbesTab.h"

#include "client/ApiClient.h"
#include "client/ProbesApi.h"
#include "client/Within.h"
#include "fleet/ProbeDialog.h"
#include "fleet/ProbeModel.h"
#include "widgets/AdminText.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/DateTimeText.h"
#include "widgets/MessageBox.h"
#include "widgets/SectionEmptyState.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace hm::app {

ProbesTab::ProbesTab(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("alerts.probesTab"));
    m_model = new ProbeModel(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    auto *bar = new QHBoxLayout();
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("alerts.addProbe"));
    m_edit = new QPushButton(this);
    m_edit->setObjectName(QStringLiteral("alerts.editProbe"));
    m_delete = new QPushButton(this);
    m_delete->setObjectName(QStringLiteral("alerts.deleteProbe"));
    for (QPushButton *button : {m_add, m_edit, m_delete})
        bar->addWidget(button);
    bar->addStretch();
    layout->addLayout(bar);

    m_stack = new QStackedWidget(this);
    m_view = new QTableView(m_stack);
    m_view->setObjectName(QStringLiteral("alerts.probes"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    alignHeaderLikeCells(m_view->horizontalHeader());
    m_view->setColumnWidth(ProbeModel::NameColumn, 180);
    m_view->setColumnWidth(ProbeModel::StateColumn, 100);
    m_view->setColumnWidth(ProbeModel::KindColumn, 110);
    m_view->setColumnWidth(ProbeModel::TargetColumn, 240);
    m_view->setColumnWidth(ProbeModel::IntervalColumn, 110);
    m_stack->addWidget(m_view);
    m_empty = new SectionEmptyState(QStringLiteral("alerts.probes"), m_stack);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);

    connect(m_add, &QPushButton::clicked, this, &ProbesTab::newProbe);
    connect(m_edit, &QPushButton::clicked, this, &ProbesTab::editProbe);
    connect(m_delete, &QPushButton::clicked, this, &ProbesTab::deleteProbe);
    connect(m_view, &QTableView::doubleClicked, this, &ProbesTab::editProbe);
    auto *deleteKey = new QShortcut(QKeySequence::Delete, m_view);
    deleteKey->setContext(Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, &ProbesTab::deleteProbe);
    connect(m_empty->action(), &QPushButton::clicked, this, [this] {
        if (m_model->state() == ProbeModel::State::Failed)
            reload();
        else
            newProbe();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ProbesTab::updateActions);
    connect(m_model, &ProbeModel::stateChanged, this, &ProbesTab::showState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ProbesTab::showState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ProbesTab::showState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProbesTab::showState);
    retranslateUi();
}

void ProbesTab::setSession(client::ApiClient *client, const client::UserInfo &user)
{
    m_client = client;
    m_me = client ? user : client::UserInfo{};
    m_nodeNames.clear();
    m_model->setNodeNames({});
    m_model->setClient(client);
    m_model->reload();
    showState();
}

void ProbesTab::setNodeNames(const QHash<QString, QString> &names)
{
    m_nodeNames = names;
    m_model->setNodeNames(names);
}

void ProbesTab::applyEvent(const QString &type, const QJsonObject &data)
{
    m_model->applyEvent(type, data);
}

void ProbesTab::reload()
{
    m_model->reload();
}

bool ProbesTab::isAdmin() const
{
    return m_client && m_me.role.compare(QLatin1String("admin"), Qt::CaseInsensitive) == 0;
}

const client::ProbeRow *ProbesTab::selectedProbe() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->probe(rows.first().row());
}

QString ProbesTab::stateText() const
{
    if (m_model->state() == ProbeModel::State::Loading)
        return tr("Loading probes...");
    if (m_model->state() == ProbeModel::State::Ready && m_model->rowCount() > 0)
        return tr("%n probe(s)", "", m_model->rowCount());
    return {};
}

void ProbesTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ProbesTab::retranslateUi()
{
    m_add->setText(tr("New probe..."));
    m_edit->setText(tr("Edit..."));
    m_delete->setText(tr("Delete..."));
    refreshTexts(m_model);
    showState();
}

void ProbesTab::updateActions()
{
    const QString adminWhy = !m_client ? tr("Sign in first.") : AdminText::adminsOnly(m_me.role);
    const QString pick = tr("Select a probe first.");
    const client::ProbeRow *probe = selectedProbe();
    const auto set = [](QPushButton *button, bool enabled, const QString &tip) {
        button->setEnabled(enabled);
        button->setToolTip(tip);
    };
    set(m_add, isAdmin(),
        isAdmin() ? tr("An HTTP(S) URL, a TCP port or a host to ping that the agents check.")
                  : adminWhy);
    set(m_edit, isAdmin() && probe,
        !isAdmin() ? adminWhy
        : probe    ? tr("Change what the probe checks, how often and where.")
                   : pick);
    set(m_delete, isAdmin() && probe,
        !isAdmin() ? adminWhy
        : probe    ? tr("Delete the probe; the agents stop running it.")
                   : pick);
}

void ProbesTab::showState()
{
    updateActions();
    QPushButton *action = m_empty->action();
    bool showList = true;
    if (m_model->state() == ProbeModel::State::Failed) {
        showList = false;
        m_empty->title()->setText(tr("The probes could not be read"));
        m_empty->text()->setText(AdminText::error(m_model->lastError(), m_me.role));
        action->setText(tr("Retry"));
        action->setEnabled(true);
        action->setToolTip({});
    } else if (m_model->state() == ProbeModel::State::Ready && m_model->rowCount() == 0) {
        showList = false;
        m_empty->title()->setText(tr("No probes yet"));
        m_empty->text()->setText(
            tr("A probe has the agents check a website, a TCP port or a host besides their own "
               "machine: whether it answers, how fast and how long its certificate is valid. "
               "Alert rules of the types Probe down and Certificate watch the results."));
        action->setText(tr("New probe"));
        action->setEnabled(m_add->isEnabled());
        action->setToolTip(m_add->toolTip());
    }
    m_stack->setCurrentWidget(showList ? static_cast<QWidget *>(m_view) : m_empty);
    emit stateChanged();
}

void ProbesTab::failed(std::function<QString()> what, const hm::Error &error)
{
    emit message(LocalizedText([what, error, role = m_me.role] {
                     return what().arg(AdminText::error(error, role));
                 }),
                 QStringLiteral("bad"));
}

ProbeDialog::NodeNames ProbesTab::nodeChoices() const
{
    ProbeDialog::NodeNames nodes;
    for (auto it = m_nodeNames.cbegin(); it != m_nodeNames.cend(); ++it)
        nodes.append({it.key(), it.value()});
    std::sort(nodes.begin(), nodes.end(), [](const auto &a, const auto &b) {
        return a.second.compare(b.second, Qt::CaseInsensitive) < 0;
    });
    return nodes;
}

void ProbesTab::newProbe()
{
    if (!m_client || !isAdmin())
        return;
    ProbeDialog dialog(m_client, nodeChoices(), this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    // The server's probe_created brings the same row to every console.
    m_model->upsert(dialog.probe());
    if (const int row = m_model->rowOf(dialog.probe().id); row >= 0)
        m_view->selectRow(row);
    showState();
}

void ProbesTab::editProbe()
{
    const client::ProbeRow *probe = selectedProbe();
    if (!m_client || !probe || !isAdmin())
        return;
    ProbeDialog dialog(m_client, nodeChoices(), *probe, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    m_model->upsert(dialog.probe());
    showState();
}

void ProbesTab::deleteProbe()
{
    const client::ProbeRow *probe = selectedProbe();
    if (!m_client || !probe || !isAdmin())
        return;
    const QString id = probe->id;
    if (!MessageBox::confirm(this, tr("Delete probe"),
                             tr("Delete the probe \"%1\"? The agents stop running it; alert "
                                "rules on it no longer fire.")
                                 .arg(probe->name),
                             tr("Delete"), QStringLiteral("alerts.confirmDeleteProbe"),
                             MessageBox::Confirm::Destructive))
        return;
    client::ProbesApi(*m_client).remove(id, client::within(this, [this, id](Result<void> r) {
                                            if (!r)
                                                return failed(
                                                    [] {
                                                        return tr("The probe was not deleted: %1");
                                                    },
                                                    r.error());
                                            m_model->remove(id);
                                            showState();
                                        }));
}

} // namespace hm::app
