#include "admin/ApiKeysPanel.h"

#include "admin/ApiKeyDialog.h"
#include "admin/ApiKeyListModel.h"
#include "client/AccountApi.h"
#include "client/ApiClient.h"
#include "client/Within.h"
#include "widgets/AdminText.h"
#include "widgets/DateTimeText.h"
#include "widgets/LiveEvents.h"
#include "widgets/MessageBox.h"
#include "widgets/SlackColumns.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace hm::app {
namespace {

bool isViewer(const client::UserInfo &user)
{
    return user.role.compare(QLatin1String("viewer"), Qt::CaseInsensitive) == 0;
}

} // namespace

ApiKeysPanel::ApiKeysPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("apikeys.panel"));
    m_model = new ApiKeyListModel(this);
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout();
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_intro->setProperty("hmStyle", QStringLiteral("muted"));
    bar->addWidget(m_intro, 1);
    m_refresh = new QPushButton(this);
    m_refresh->setObjectName(QStringLiteral("apikeys.refresh"));
    connect(m_refresh, &QPushButton::clicked, this, &ApiKeysPanel::reload);
    bar->addWidget(m_refresh);
    m_revoke = new QPushButton(this);
    m_revoke->setObjectName(QStringLiteral("apikeys.revoke"));
    connect(m_revoke, &QPushButton::clicked, this, &ApiKeysPanel::revokeSelected);
    bar->addWidget(m_revoke);
    m_create = new QPushButton(this);
    m_create->setObjectName(QStringLiteral("apikeys.create"));
    m_create->setProperty("primary", true);
    connect(m_create, &QPushButton::clicked, this, &ApiKeysPanel::createKey);
    bar->addWidget(m_create);
    layout->addLayout(bar);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("apikeys.list"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->setAlternatingRowColors(true);
    // Dates, numbers and short words as wide as they are; the room left goes
    // to the key's name and its permissions (the last column, "Last used",
    // took it all).
    new SlackColumns(m_view, {ApiKeyListModel::NameColumn, ApiKeyListModel::PermissionsColumn});
    m_view->setWordWrap(false);
    layout->addWidget(m_view, 1);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("apikeys.state"));
    m_state->setWordWrap(true);
    m_state->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_state);
    layout->addStretch(0);
    connect(m_model, &ApiKeyListModel::stateChanged, this, &ApiKeysPanel::showState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ApiKeysPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ApiKeysPanel::showState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ApiKeysPanel::showState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ApiKeysPanel::updateActions);
    // The keys the owner makes or revokes in another console.
    m_live = new LiveEvents(this);
    connect(m_live, &LiveEvents::message, m_model, &ApiKeyListModel::applyEvent);
    connect(m_live, &LiveEvents::reopened, m_model, &ApiKeyListModel::reload);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ApiKeysPanel::updateActions);
    retranslateUi();
}

ApiKeysPanel::~ApiKeysPanel() = default;

void ApiKeysPanel::setSession(client::ApiClient *client, const client::UserInfo &user)
{
    m_client = client;
    m_user = client ? user : client::UserInfo{};
    m_message.clear();
    m_model->setClient(client);
    if (client)
        m_model->reload();
    m_live->setClient(client);
    updateActions();
    showState();
}

bool ApiKeysPanel::isLive() const
{
    return m_live->isOpen();
}

void ApiKeysPanel::reload()
{
    m_message.clear();
    m_model->reload();
}

void ApiKeysPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ApiKeysPanel::retranslateUi()
{
    m_intro->setText(tr("Keys let scripts and other programs use the server's API as you, "
                        "within the limits set on each key."));
    m_create->setText(tr("New API key..."));
    m_revoke->setText(tr("Revoke..."));
    m_refresh->setText(tr("Refresh"));
    refreshTexts(m_model);
    updateActions();
    showState();
}

void ApiKeysPanel::updateActions()
{
    const bool signedIn = m_client != nullptr;
    const bool viewer = isViewer(m_user);
    const bool selected = m_view->selectionModel()->hasSelection();
    m_create->setEnabled(signedIn && !viewer);
    m_create->setToolTip(!signedIn ? tr("Sign in first.")
                         : viewer  ? AdminText::notForViewers(m_user.role)
                                   : tr("Create a key; its secret is shown once."));
    m_revoke->setEnabled(signedIn && !viewer && selected);
    m_revoke->setToolTip(!signedIn  ? tr("Sign in first.")
                         : viewer   ? AdminText::notForViewers(m_user.role)
                         : selected ? tr("Revoke the selected key: programs using it stop "
                                         "working at once.")
                                    : tr("Select a key first."));
    m_refresh->setEnabled(signedIn);
}

void ApiKeysPanel::showState()
{
    QString text;
    bool bad = false;
    if (!m_client) {
        text = tr("Nobody is signed in. Sign in to see your API keys.");
    } else {
        switch (m_model->state()) {
        case ApiKeyListModel::State::Idle:
        case ApiKeyListModel::State::Loading:
            text = tr("Loading API keys...");
            break;
        case ApiKeyListModel::State::Failed:
            text = tr("The keys could not be read: %1")
                       .arg(AdminText::error(m_model->lastError(), m_user.role));
            bad = true;
            break;
        case ApiKeyListModel::State::Ready:
            text = m_model->rowCount() == 0
                       ? (isViewer(m_user)
                              ? tr("You have no API keys. Viewers cannot create keys; ask an "
                                   "administrator if a program needs one.")
                              : tr("You have no API keys yet. Create one with \"New API key\" "
                                   "when a script or program needs to use the API."))
                       : tr("%n key(s)", "", m_model->rowCount());
            break;
        }
    }
    if (!m_message.isEmpty()) {
        text = m_message.toString();
        bad = true;
    }
    m_state->setText(text);
    m_state->setProperty("tone", bad ? QStringLiteral("bad") : QString());
    m_state->style()->unpolish(m_state);
    m_state->style()->polish(m_state);
    m_view->setVisible(m_client && m_model->rowCount() > 0);
    m_state->setAlignment(m_view->isVisibleTo(this) ? Qt::AlignLeft : Qt::AlignCenter);
}

void ApiKeysPanel::createKey()
{
    if (!m_client)
        return;
    m_message.clear();
    ApiKeyDialog dialog(m_client, m_user.role, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || dialog.createdKey().id.isEmpty()) {
        showState();
        return;
    }
    client::ApiKeyInfo created = dialog.createdKey();
    {
        ApiKeySecretDialog secret(created, this);
        DialogSeam::exec(&secret);
    }
    created.key.clear();
    m_model->reload();
}

void ApiKeysPanel::revokeSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (!m_client || rows.isEmpty())
        return;
    const client::ApiKeyInfo *key = m_model->key(rows.first().row());
    if (!key)
        return;
    const QString id = key->id;
    if (!MessageBox::confirm(this, tr("Revoke API key"),
                             tr("Revoke the key \"%1\" (%2)? Programs using it are refused from "
                                "now on. This cannot be undone.")
                                 .arg(key->name, key->prefix),
                             tr("Revoke"), QStringLiteral("apikeys.confirmRevoke"),
                             MessageBox::Confirm::Destructive))
        return;
    client::AccountApi(*m_client).revokeApiKey(
        id, client::within(this, [this](Result<void> r) {
            if (!r) {
                m_message = LocalizedText([error = r.error(), role = m_user.role] {
                    return tr("The key was not revoked: %1").arg(AdminText::error(error, role));
                });
                showState();
                return;
            }
            reload();
        }));
}

} // namespace hm::app
