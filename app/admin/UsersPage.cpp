#include "admin/UsersPage.h"

#include "admin/ApiKeysPanel.h"
#include "admin/NodeGrantsPanel.h"
#include "admin/UsersPanel.h"
#include "widgets/AdminText.h"
#include "widgets/PageFrame.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace hm::app {

UsersPage::UsersPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("page.users"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(pageMargins());
    const PageTitle title =
        createPageTitle(this, QStringLiteral("users.title"), QStringLiteral("users.signedInAs"));
    auto *header = title.row;
    m_title = title.title;
    m_who = title.subtitle;
    m_account = new QPushButton(this);
    m_account->setObjectName(QStringLiteral("users.myAccount"));
    connect(m_account, &QPushButton::clicked, this, &UsersPage::accountRequested);
    header->addWidget(m_account);
    layout->addLayout(header);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("users.tabs"));
    m_users = new UsersPanel(m_tabs);
    m_keys = new ApiKeysPanel(m_tabs);
    m_tabs->addTab(m_users, QString());
    m_tabs->addTab(m_keys, QString());
    m_grants = new NodeGrantsPanel(m_tabs);
    m_tabs->setTabVisible(m_tabs->addTab(m_grants, QString()), false);
    layout->addWidget(m_tabs, 1);
    retranslateUi();
}

UsersPage::~UsersPage() = default;

void UsersPage::setSession(client::ApiClient *client, const client::UserInfo &user)
{
    m_signedIn = client != nullptr;
    m_user = client ? user : client::UserInfo{};
    m_users->setSession(client, user);
    m_keys->setSession(client, user);
    m_grants->setSession(client, user);
    m_tabs->setTabVisible(m_tabs->indexOf(m_grants),
                          client && user.role.compare(QLatin1String("admin"),
                                                      Qt::CaseInsensitive) == 0);
    // Anyone but an administrator starts on what they may use: their keys.
    if (client && !m_users->isReadOnly())
        m_tabs->setCurrentWidget(m_users);
    else if (client)
        m_tabs->setCurrentWidget(m_keys);
    retranslateUi();
}

void UsersPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void UsersPage::retranslateUi()
{
    m_title->setText(tr("Users"));
    m_who->setText(
        m_signedIn ? tr("Signed in as %1 (%2)").arg(m_user.username, AdminText::role(m_user.role))
                   : tr("Nobody is signed in"));
    m_account->setText(tr("My account..."));
    m_account->setEnabled(m_signedIn);
    m_account->setToolTip(m_signedIn ? tr("Profile, password, two-factor authentication and "
                                          "sessions.")
                                     : tr("Sign in first."));
    m_tabs->setTabText(m_tabs->indexOf(m_users),
                       m_users->isReadOnly() ? tr("Users (read-only)") : tr("Users"));
    m_tabs->setTabText(m_tabs->indexOf(m_keys), tr("API keys"));
    m_tabs->setTabText(m_tabs->indexOf(m_grants), tr("Node grants"));
}

} // namespace hm::app
