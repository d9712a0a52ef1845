#include "admin/UsersPanel.h"

#include "admin/ResetPasswordDialog.h"
#include "admin/UserDialog.h"
#include "admin/UserListModel.h"
#include "client/ApiClient.h"
#include "client/UsersApi.h"
#include "client/Within.h"
#include "widgets/AdminText.h"
#include "widgets/DateTimeText.h"
#include "widgets/LiveEvents.h"
#include "widgets/MessageBox.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/SlackColumns.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace hm::app {

UsersPanel::UsersPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("users.panel"));
    m_model = new UserListModel(this);
    auto *layout = new QVBoxLayout(this);
    m_readOnly = new QLabel(this);
    m_readOnly->setObjectName(QStringLiteral("users.readOnly"));
    m_readOnly->setProperty("hmStyle", QStringLiteral("banner"));
    m_readOnly->setWordWrap(true);
    m_readOnly->setMargin(8);
    m_readOnly->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    layout->addWidget(m_readOnly);

    auto *filters = new QHBoxLayout();
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("users.search"));
    m_search->setClearButtonEnabled(true);
    filters->addWidget(m_search, 2);
    m_roleFilter = new QComboBox(this);
    m_roleFilter->setObjectName(QStringLiteral("users.roleFilter"));
    for (const char *role : {"", "admin", "user", "viewer"})
        m_roleFilter->addItem(QString(), QString::fromLatin1(role));
    filters->addWidget(m_roleFilter);
    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName(QStringLiteral("users.statusFilter"));
    for (const char *status : {"", "active", "suspended", "pending"})
        m_statusFilter->addItem(QString(), QString::fromLatin1(status));
    filters->addWidget(m_statusFilter);
    filters->addStretch();
    m_create = new QPushButton(this);
    m_create->setObjectName(QStringLiteral("users.create"));
    m_create->setProperty("primary", true);
    filters->addWidget(m_create);
    layout->addLayout(filters);

    auto *actions = new QHBoxLayout();
    m_edit = new QPushButton(this);
    m_edit->setObjectName(QStringLiteral("users.edit"));
    m_suspend = new QPushButton(this);
    m_suspend->setObjectName(QStringLiteral("users.suspend"));
    m_unlock = new QPushButton(this);
    m_unlock->setObjectName(QStringLiteral("users.unlock"));
    m_resetPassword = new QPushButton(this);
    m_resetPassword->setObjectName(QStringLiteral("users.resetPassword"));
    m_delete = new QPushButton(this);
    m_delete->setObjectName(QStringLiteral("users.delete"));
    for (QPushButton *button : {m_edit, m_suspend, m_unlock, m_resetPassword, m_delete})
        actions->addWidget(button);
    actions->addStretch();
    layout->addLayout(actions);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("users.list"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    // Dates and short words as wide as they are; the room left goes to the
    // full name and the e-mail (the last column, the creation date, took
    // over half the list while the names touched their borders).
    new SlackColumns(m_view, {UserListModel::FullNameColumn, UserListModel::EmailColumn});
    m_view->horizontalHeader()->setSortIndicator(UserListModel::UsernameColumn, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    // No rows to show (nothing matches, the read failed): the shared empty
    // state in the list's place.
    m_listStack = new QStackedWidget(this);
    m_listStack->addWidget(m_view);
    m_empty = new SectionEmptyState(QStringLiteral("users"), m_listStack);
    m_listStack->addWidget(m_empty);
    connect(m_empty->action(), &QPushButton::clicked, this, [this] {
        if (m_model->state() == UserListModel::State::Failed) {
            m_model->reload();
            return;
        }
        m_search->clear();
        m_roleFilter->setCurrentIndex(0);
        m_statusFilter->setCurrentIndex(0);
    });
    layout->addWidget(m_listStack, 1);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("users.state"));
    m_state->setWordWrap(true);
    m_state->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    layout->addWidget(m_state);
    // Takes the room of the list while it is hidden (read-only, loading).
    layout->addStretch(0);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] {
        if (!isReadOnly())
            m_model->setSearch(m_search->text().trimmed());
    });
    connect(m_roleFilter, &QComboBox::currentIndexChanged, this, [this] {
        if (!isReadOnly())
            m_model->setRoleFilter(m_roleFilter->currentData().toString());
    });
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        if (!isReadOnly())
            m_model->setStatusFilter(m_statusFilter->currentData().toString());
    });
    connect(m_create, &QPushButton::clicked, this, &UsersPanel::createUser);
    connect(m_edit, &QPushButton::clicked, this, &UsersPanel::editSelected);
    connect(m_view, &QTableView::doubleClicked, this, &UsersPanel::editSelected);
    connect(m_suspend, &QPushButton::clicked, this, &UsersPanel::toggleSuspended);
    connect(m_unlock, &QPushButton::clicked, this, &UsersPanel::unlockSelected);
    connect(m_resetPassword, &QPushButton::clicked, this, &UsersPanel::resetPasswordOfSelected);
    connect(m_delete, &QPushButton::clicked, this, &UsersPanel::deleteSelected);
    connect(m_model, &UserListModel::stateChanged, this, &UsersPanel::showState);
    connect(m_model, &UserListModel::fetchFailed, this, [this](const hm::Error &error) {
        failed([] { return tr("More users could not be read: %1"); }, error);
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &UsersPanel::showState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &UsersPanel::showState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &UsersPanel::updateActions);
    // Other consoles' changes, applied to the loaded rows (a reload after
    // the events were cut off, since some may be missed).
    m_live = new LiveEvents(this);
    connect(m_live, &LiveEvents::message, m_model, &UserListModel::applyEvent);
    connect(m_live, &LiveEvents::reopened, m_model, &UserListModel::reload);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &UsersPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &UsersPanel::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &UsersPanel::updateActions);
    retranslateUi();
    setSession(nullptr, {});
}

UsersPanel::~UsersPanel() = default;

bool UsersPanel::isReadOnly() const
{
    return !m_client || m_me.role.compare(QLatin1String("admin"), Qt::CaseInsensitive) != 0;
}

void UsersPanel::setSession(client::ApiClient *client, const client::UserInfo &user)
{
    m_client = client;
    m_me = client ? user : client::UserInfo{};
    m_message.clear();
    m_model->setClient(client);
    // Only administrators may list users: the others are not sent to a 403.
    if (!isReadOnly())
        m_model->reload();
    m_live->setClient(isReadOnly() ? nullptr : client);
    retranslateUi();
}

bool UsersPanel::isLive() const
{
    return m_live->isOpen();
}

void UsersPanel::reload()
{
    m_message.clear();
    m_model->reload();
    showState();
}

void UsersPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void UsersPanel::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search username, name or e-mail"));
    m_roleFilter->setItemText(0, tr("All roles"));
    for (int i = 1; i < m_roleFilter->count(); ++i)
        m_roleFilter->setItemText(i, AdminText::role(m_roleFilter->itemData(i).toString()));
    m_statusFilter->setItemText(0, tr("All statuses"));
    for (int i = 1; i < m_statusFilter->count(); ++i)
        m_statusFilter->setItemText(i,
                                    AdminText::userStatus(m_statusFilter->itemData(i).toString()));
    m_create->setText(tr("New user..."));
    m_edit->setText(tr("Edit..."));
    m_unlock->setText(tr("Unlock"));
    m_resetPassword->setText(tr("Reset password..."));
    m_delete->setText(tr("Delete..."));
    if (!m_client)
        m_readOnly->setText(tr("Read-only: nobody is signed in."));
    else
        m_readOnly->setText(tr("Read-only: only administrators can see and manage users. You "
                               "are signed in as %1, so this list is not loaded and its actions "
                               "are off. Your own account and API keys are in \"My account\" "
                               "and the API keys tab.")
                                .arg(AdminText::role(m_me.role)));
    refreshTexts(m_model);
    updateActions();
    showState();
}

const client::UserInfo *UsersPanel::selectedUser() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->user(rows.first().row());
}

void UsersPanel::updateActions()
{
    const bool readOnly = isReadOnly();
    const client::UserInfo *user = selectedUser();
    const bool self = user && user->id == m_me.id;
    const QString why = !m_client ? tr("Sign in first.") : AdminText::adminsOnly(m_me.role);
    const QString select = tr("Select a user first.");
    m_readOnly->setVisible(readOnly);
    for (QWidget *w : {static_cast<QWidget *>(m_search), static_cast<QWidget *>(m_roleFilter),
                       static_cast<QWidget *>(m_statusFilter)}) {
        w->setEnabled(!readOnly);
        w->setToolTip(readOnly ? why : QString());
    }
    const auto set = [&](QPushButton *button, bool enabled, const QString &tip) {
        button->setEnabled(enabled);
        button->setToolTip(tip);
    };
    set(m_create, !readOnly, readOnly ? why : tr("Create a user and choose their role."));
    set(m_edit, !readOnly && user,
        readOnly ? why
        : user   ? tr("Change e-mail, name, role and "
                        "status.")
                 : select);
    const bool suspended = user && user->status == QLatin1String("suspended");
    m_suspend->setText(suspended ? tr("Reactivate") : tr("Suspend..."));
    set(m_suspend, !readOnly && user && !self,
        readOnly ? why
        : !user  ? select
        : self   ? tr("You cannot suspend yourself.")
                 : (suspended ? tr("Let the user sign in again.")
                              : tr("Stop the user signing in and end their sessions.")));
    const bool locked =
        user && user->lockedUntil.isValid() && user->lockedUntil > QDateTime::currentDateTimeUtc();
    set(m_unlock, !readOnly && user,
        readOnly ? why
        : !user  ? select
                 : (locked ? tr("Clear the lockout after failed sign-ins.")
                           : tr("Clear failed sign-in counts (the user is not locked now).")));
    set(m_resetPassword, !readOnly && user,
        readOnly ? why
        : user   ? tr("Set a new password for the user.")
                 : select);
    set(m_delete, !readOnly && user && !self,
        readOnly ? why
        : !user  ? select
        : self   ? tr("You cannot delete yourself.")
                 : tr("Delete the user; their sessions and API keys end."));
}

QString UsersPanel::stateText() const
{
    return m_state->text();
}

void UsersPanel::showState()
{
    QString text;
    bool bad = false;
    switch (m_model->state()) {
    case UserListModel::State::Idle:
        text = isReadOnly() ? QString() : tr("Loading users...");
        break;
    case UserListModel::State::Loading:
        text = tr("Loading users...");
        break;
    case UserListModel::State::Failed:
        text = tr("The users could not be read: %1")
                   .arg(AdminText::error(m_model->lastError(), m_me.role));
        bad = true;
        break;
    case UserListModel::State::Ready:
        if (m_model->totalCount() == 0)
            text = m_model->search().isEmpty()
                       ? tr("No user matches these filters.")
                       : tr("No user matches \"%1\".").arg(m_model->search());
        else
            text = tr("%1 of %n user(s) shown", "", int(m_model->totalCount()))
                       .arg(m_model->rowCount());
        break;
    }
    if (!m_message.isEmpty()) {
        text = m_message.toString();
        bad = true;
    }
    m_state->setText(text);
    m_state->setProperty("tone", bad ? QStringLiteral("bad") : QString());
    m_state->style()->unpolish(m_state);
    m_state->style()->polish(m_state);
    const bool failed = m_model->state() == UserListModel::State::Failed;
    const bool none = m_model->state() == UserListModel::State::Ready && m_model->totalCount() == 0;
    if (failed)
        m_empty->setContent({tr("The users cannot be shown"),
                             AdminText::error(m_model->lastError(), m_me.role),
                             tr("&Try Again"),
                             {},
                             false});
    else if (none)
        m_empty->setContent({tr("No users match"),
                             m_model->search().isEmpty()
                                 ? tr("No user has this role and status.")
                                 : tr("No user's name or e-mail has “%1”.").arg(m_model->search()),
                             tr("&Clear Filters"),
                             {},
                             false});
    m_listStack->setCurrentWidget(failed || none ? static_cast<QWidget *>(m_empty) : m_view);
    // The empty state says it already; the line under it would repeat it.
    m_state->setVisible(!(failed || none) || !m_message.isEmpty());
    m_listStack->setVisible(m_model->state() == UserListModel::State::Ready ||
                            m_model->rowCount() > 0 || failed);
    updateActions();
}

void UsersPanel::failed(std::function<QString()> what, const hm::Error &error)
{
    m_message = LocalizedText(
        [what, error, role = m_me.role] { return what().arg(AdminText::error(error, role)); });
    showState();
}

void UsersPanel::createUser()
{
    if (!m_client)
        return;
    m_message.clear();
    UserDialog dialog(m_client, nullptr, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    m_model->reload();
}

void UsersPanel::editSelected()
{
    const client::UserInfo *user = selectedUser();
    if (!m_client || !user || isReadOnly())
        return;
    m_message.clear();
    UserDialog dialog(m_client, user, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    m_model->updateUser(dialog.user());
    showState();
}

void UsersPanel::changeStatus(const client::UserInfo &user, const QString &status)
{
    client::UsersApi(*m_client).update(
        user.id, QJsonObject{{QStringLiteral("status"), status}},
        client::within(this, [this](Result<client::UserInfo> r) {
            if (!r)
                return failed([] { return tr("The status was not changed: %1"); }, r.error());
            m_model->updateUser(*r);
            showState();
        }));
}

void UsersPanel::toggleSuspended()
{
    const client::UserInfo *user = selectedUser();
    if (!m_client || !user)
        return;
    m_message.clear();
    const client::UserInfo target = *user;
    if (target.status == QLatin1String("suspended"))
        return changeStatus(target, QStringLiteral("active"));
    if (!MessageBox::confirm(this, tr("Suspend user"),
                             tr("Suspend %1? They cannot sign in until reactivated, and their "
                                "sessions end now.")
                                 .arg(target.username),
                             tr("Suspend"), QStringLiteral("users.confirmSuspend"),
                             MessageBox::Confirm::Destructive))
        return;
    changeStatus(target, QStringLiteral("suspended"));
}

void UsersPanel::unlockSelected()
{
    const client::UserInfo *user = selectedUser();
    if (!m_client || !user)
        return;
    m_message.clear();
    const QString id = user->id;
    client::UsersApi(*m_client).unlock(
        id, client::within(this, [this, id](Result<void> r) {
            if (!r)
                return failed([] { return tr("The user was not unlocked: %1"); }, r.error());
            client::UsersApi(*m_client).get(
                id, client::within(this, [this](Result<client::UserInfo> u) {
                    if (u)
                        m_model->updateUser(*u);
                }));
            m_message.clear();
            showState();
        }));
}

void UsersPanel::resetPasswordOfSelected()
{
    const client::UserInfo *user = selectedUser();
    if (!m_client || !user)
        return;
    m_message.clear();
    const QString id = user->id;
    ResetPasswordDialog input(user->username, this);
    if (DialogSeam::exec(&input) != QDialog::Accepted || input.password().isEmpty())
        return;
    client::UsersApi(*m_client).resetPassword(
        id, input.password(), input.requireChange(), client::within(this, [this](Result<void> r) {
            if (!r)
                return failed([] { return tr("The password was not reset: %1"); }, r.error());
            m_message.clear();
            m_state->setText(tr("The password was reset."));
        }));
}

void UsersPanel::deleteSelected()
{
    const client::UserInfo *user = selectedUser();
    if (!m_client || !user)
        return;
    m_message.clear();
    const QString id = user->id;
    if (!MessageBox::confirm(this, tr("Delete user"),
                             tr("Delete %1? Their sessions and API keys end at once. This cannot "
                                "be undone.")
                                 .arg(user->username),
                             tr("Delete"), QStringLiteral("users.confirmDelete"),
                             MessageBox::Confirm::Destructive))
        return;
    client::UsersApi(*m_client).remove(
        id, client::within(this, [this](Result<void> r) {
            if (!r)
                return failed([] { return tr("The user was not deleted: %1"); }, r.error());
            m_model->reload();
        }));
}

} // namespace hm::app
