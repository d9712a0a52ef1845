#include "admin/NodeGrantsPanel.h"

#include "admin/NodeGrantDialog.h"
#include "admin/NodeGrantModel.h"
#include "client/NodesApi.h"
#include "client/RemoteApi.h"
#include "client/UsersApi.h"
#include "client/Within.h"
#include "widgets/AdminText.h"
#include "widgets/DateTimeText.h"
#include "widgets/MessageBox.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace hm::app {

namespace {

// Users and nodes are read whole, a page of the server's largest at a time.
constexpr int kGrantsPageSize = 100;

bool grantsIsAdmin(const client::UserInfo &user)
{
    return user.role.compare(QLatin1String("admin"), Qt::CaseInsensitive) == 0;
}

} // namespace

NodeGrantsPanel::NodeGrantsPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("nodegrants.panel"));
    m_model = new NodeGrantModel(this);
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout();
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("nodegrants.intro"));
    m_intro->setWordWrap(true);
    m_intro->setProperty("hmStyle", QStringLiteral("muted"));
    bar->addWidget(m_intro, 1);
    m_refresh = new QPushButton(this);
    m_refresh->setObjectName(QStringLiteral("nodegrants.refresh"));
    connect(m_refresh, &QPushButton::clicked, this, &NodeGrantsPanel::reload);
    bar->addWidget(m_refresh);
    m_remove = new QPushButton(this);
    m_remove->setObjectName(QStringLiteral("nodegrants.remove"));
    connect(m_remove, &QPushButton::clicked, this, &NodeGrantsPanel::removeSelected);
    bar->addWidget(m_remove);
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("nodegrants.add"));
    m_add->setProperty("primary", true);
    connect(m_add, &QPushButton::clicked, this, &NodeGrantsPanel::addGrant);
    bar->addWidget(m_add);
    layout->addLayout(bar);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("nodegrants.list"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(NodeGrantModel::SubjectColumn, 300);
    m_view->setColumnWidth(NodeGrantModel::NodesColumn, 260);
    m_view->setColumnWidth(NodeGrantModel::CapabilityColumn, 160);
    layout->addWidget(m_view, 1);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("nodegrants.state"));
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &NodeGrantsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &NodeGrantsPanel::updateActions);
    retranslateUi();
}

NodeGrantsPanel::~NodeGrantsPanel() = default;

void NodeGrantsPanel::setSession(client::ApiClient *client, const client::UserInfo &user)
{
    m_client = client;
    m_user = client ? user : client::UserInfo{};
    m_loaded = false;
    m_model->setGrants({});
    m_message.clear();
    reload();
}

void NodeGrantsPanel::reload()
{
    const quint64 generation = ++m_generation;
    m_pending = 0;
    m_error.clear();
    if (!m_client || !grantsIsAdmin(m_user)) {
        showState();
        return;
    }
    m_names.clear();
    m_grantable.clear();
    m_labels.clear();
    m_pending = 3;
    readGrants(generation);
    readUsers(generation, 1);
    readLabels(generation, 1);
    showState();
}

void NodeGrantsPanel::readGrants(quint64 generation)
{
    client::RemoteApi(*m_client).grants(
        client::within(this, [this, generation](Result<QList<client::NodeGrant>> r) {
            if (generation != m_generation)
                return;
            if (r)
                m_model->setGrants(r.value());
            finished(generation, r ? nullptr : &r.error());
        }));
}

void NodeGrantsPanel::readUsers(quint64 generation, int page)
{
    client::UserFilter filter;
    filter.sort = QStringLiteral("username");
    filter.page = {page, kGrantsPageSize};
    client::UsersApi(*m_client).list(
        filter,
        client::within(this, [this, generation, page](Result<client::Page<client::UserInfo>> r) {
            if (generation != m_generation)
                return;
            if (!r)
                return finished(generation, &r.error());
            for (const client::UserInfo &user : r.value().items) {
                m_names.insert(user.id, user.username);
                if (user.role.compare(QLatin1String("user"), Qt::CaseInsensitive) == 0)
                    m_grantable.append(user);
            }
            if (r.value().hasNext)
                return readUsers(generation, page + 1);
            m_model->setUserNames(m_names);
            finished(generation, nullptr);
        }));
}

void NodeGrantsPanel::readLabels(quint64 generation, int page)
{
    client::NodeFilter filter;
    filter.page = {page, kGrantsPageSize};
    client::NodesApi(*m_client).list(
        filter,
        client::within(this, [this, generation, page](Result<client::Page<client::NodeRow>> r) {
            if (generation != m_generation)
                return;
            // Only suggestions: without them a label is typed.
            if (!r)
                return finished(generation, nullptr);
            for (const client::NodeRow &node : r.value().items)
                for (const QString &label : node.labels)
                    if (!m_labels.contains(label))
                        m_labels.append(label);
            if (r.value().hasNext)
                return readLabels(generation, page + 1);
            std::sort(m_labels.begin(), m_labels.end());
            finished(generation, nullptr);
        }));
}

void NodeGrantsPanel::finished(quint64 generation, const hm::Error *error)
{
    if (generation != m_generation)
        return;
    if (error && m_error.isEmpty())
        m_error = AdminText::error(*error, m_user.role);
    if (--m_pending == 0)
        m_loaded = m_error.isEmpty();
    showState();
}

void NodeGrantsPanel::addGrant()
{
    if (!m_client || !grantsIsAdmin(m_user))
        return;
    m_message.clear();
    NodeGrantDialog dialog(m_client, m_grantable, m_labels, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || !dialog.hasResult()) {
        showState();
        return;
    }
    const client::NodeGrant made = dialog.grant();
    m_message = LocalizedText([this, made] {
        return tr("%1 may now use %2 on %3.")
            .arg(m_model->subjectText(made), NodeGrantModel::capabilityText(made.capability),
                 NodeGrantModel::nodesText(made.label).toLower());
    });
    m_messageBad = false;
    reload();
}

void NodeGrantsPanel::removeSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (!m_client || rows.isEmpty())
        return;
    const client::NodeGrant *grant = m_model->grant(rows.first().row());
    if (!grant)
        return;
    const QString id = grant->id;
    if (!MessageBox::confirm(
            this, tr("Remove node grant"),
            tr("Remove the grant of %1 on %2 for %3? They can no longer use it from now on.")
                .arg(NodeGrantModel::capabilityText(grant->capability),
                     NodeGrantModel::nodesText(grant->label).toLower(),
                     m_model->subjectText(*grant)),
            tr("Remove"), QStringLiteral("nodegrants.confirmRemove"),
            MessageBox::Confirm::Destructive))
        return;
    m_message.clear();
    client::RemoteApi(*m_client).removeGrant(id, client::within(this, [this](Result<void> r) {
        if (!r) {
            m_message = LocalizedText([error = r.error(), role = m_user.role] {
                return tr("The grant was not removed: %1").arg(AdminText::error(error, role));
            });
            m_messageBad = true;
        }
        reload();
    }));
}

void NodeGrantsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void NodeGrantsPanel::retranslateUi()
{
    m_intro->setText(tr("Administrators may use every tool on every node; users only what "
                        "they are granted here, and only what the node's agent allows. "
                        "Viewers never act on nodes."));
    m_add->setText(tr("Add grant..."));
    m_remove->setText(tr("Remove..."));
    m_refresh->setText(tr("Refresh"));
    refreshTexts(m_model);
    showState();
}

void NodeGrantsPanel::updateActions()
{
    const bool admin = m_client && grantsIsAdmin(m_user);
    const bool selected = m_view->selectionModel()->hasSelection();
    m_add->setEnabled(admin && m_loaded);
    m_add->setToolTip(tr("Let a user use a tool on nodes with a label."));
    m_remove->setEnabled(admin && selected);
    m_remove->setToolTip(selected ? tr("Remove the selected grant.")
                                  : tr("Select a grant first."));
    m_refresh->setEnabled(admin && m_pending == 0);
}

void NodeGrantsPanel::showState()
{
    QString text;
    bool bad = false;
    if (!m_client) {
        text = tr("Nobody is signed in.");
    } else if (!grantsIsAdmin(m_user)) {
        text = AdminText::adminsOnly(m_user.role);
    } else if (!m_error.isEmpty()) {
        text = tr("The grants could not be read: %1").arg(m_error);
        bad = true;
    } else if (m_pending > 0) {
        text = tr("Loading node grants...");
    } else if (m_model->rowCount() == 0) {
        text = tr("No grants yet: users cannot act on any node. Add one to let a user, or "
                  "every USER, use a tool on the nodes with a label.");
    } else {
        text = tr("Grants: %1").arg(QLocale().toString(m_model->rowCount()));
    }
    if (!m_message.isEmpty() && m_pending == 0) {
        text = m_message.toString() + u' ' + text;
        bad = bad || m_messageBad;
    }
    m_state->setText(text);
    m_state->setProperty("tone", bad ? QStringLiteral("bad") : QString());
    m_state->style()->unpolish(m_state);
    m_state->style()->polish(m_state);
    updateActions();
}

} // namespace hm::app
