#include "admin/AccountPanel.h"

#include "client/AccountApi.h"
#include "client/ApiClient.h"
#include "client/Within.h"
#include "widgets/AdminText.h"
#include "widgets/ClipboardGuard.h"
#include "widgets/FieldError.h"
#include "widgets/MessageBox.h"
#include "widgets/QrCode.h"
#include "widgets/Retranslate.h"
#include "widgets/TextBaseline.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hm::app {
namespace {

QLineEdit *passwordEdit(QWidget *parent, const QString &objectName)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}

QLineEdit *codeEdit(QWidget *parent, const QString &objectName)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setMaxLength(8);
    edit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,8}")), edit));
    edit->setInputMethodHints(Qt::ImhDigitsOnly);
    edit->setMaximumWidth(160);
    return edit;
}

enum SessionColumn
{
    DeviceColumn,
    AddressColumn,
    CreatedColumn,
    LastUsedColumn,
    CurrentColumn,
    SessionColumnCount
};

} // namespace

AccountPanel::AccountPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("account.panel"));
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("account.tabs"));
    m_tabs->addTab(createProfileTab(), QString());
    m_tabs->addTab(createPasswordTab(), QString());
    m_tabs->addTab(createTwoFactorTab(), QString());
    m_tabs->addTab(createSessionsTab(), QString());
    layout->addWidget(m_tabs);
    retranslateUi();
    setSession(nullptr, {});
}

AccountPanel::~AccountPanel() = default;

QWidget *AccountPanel::createProfileTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("account.profileTab"));
    auto *layout = new QVBoxLayout(tab);
    m_profileForm = new QFormLayout();
    const auto value = [tab](const char *name) {
        auto *label = new QLabel(tab);
        label->setObjectName(QString::fromLatin1(name));
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    m_username = value("account.username");
    m_email = value("account.email");
    m_fullName = value("account.fullName");
    m_role = value("account.role");
    m_twoFactorSummary = value("account.twoFactorSummary");
    for (QLabel *field : {m_username, m_email, m_fullName, m_role, m_twoFactorSummary})
        m_profileForm->addRow(new QLabel(), field);
    // The languages in their own names, as the View menu shows them.
    m_mailLanguage = new QComboBox(tab);
    m_mailLanguage->setObjectName(QStringLiteral("account.mailLanguage"));
    m_mailLanguage->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_mailLanguage->addItem(QStringLiteral("繁體中文"), QStringLiteral("zh-TW"));
    m_mailLanguage->addItem(QStringLiteral("简体中文"), QStringLiteral("zh-CN"));
    m_mailLanguageStatus = new QLabel(tab);
    m_mailLanguageStatus->setObjectName(QStringLiteral("account.mailLanguageStatus"));
    m_mailLanguageStatus->setProperty("hmStyle", QStringLiteral("muted"));
    auto *languageRow = new QHBoxLayout();
    languageRow->addWidget(m_mailLanguage);
    languageRow->addWidget(m_mailLanguageStatus, 1);
    m_mailLanguageCaption = new QLabel(tab);
    m_mailLanguageCaption->setBuddy(m_mailLanguage);
    m_profileForm->addRow(m_mailLanguageCaption, languageRow);
    connect(m_mailLanguage, &QComboBox::activated, this, &AccountPanel::saveMailLanguage);
    layout->addLayout(m_profileForm);
    // Captions and values on one baseline in every language (a Chinese
    // caption beside a Latin value sat lower, see TextBaseline.h).
    (new BaselineKeeper(this))->addForm(m_profileForm);
    m_signedOut = new QLabel(tab);
    m_signedOut->setObjectName(QStringLiteral("account.notSignedIn"));
    m_signedOut->setWordWrap(true);
    layout->addWidget(m_signedOut);
    layout->addStretch();
    auto *buttons = new QHBoxLayout();
    buttons->addStretch();
    m_signOut = new QPushButton(tab);
    m_signOut->setObjectName(QStringLiteral("account.signOut"));
    connect(m_signOut, &QPushButton::clicked, this, &AccountPanel::signOutRequested);
    buttons->addWidget(m_signOut);
    layout->addLayout(buttons);
    return tab;
}

QWidget *AccountPanel::createPasswordTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("account.passwordTab"));
    auto *layout = new QVBoxLayout(tab);
    m_passwordForm = new QFormLayout();
    m_currentPassword = passwordEdit(tab, QStringLiteral("account.currentPassword"));
    m_newPassword = passwordEdit(tab, QStringLiteral("account.newPassword"));
    m_confirmPassword = passwordEdit(tab, QStringLiteral("account.confirmPassword"));
    m_currentPasswordError = createFieldError(tab, QStringLiteral("account.currentPasswordError"));
    m_newPasswordError = createFieldError(tab, QStringLiteral("account.newPasswordError"));
    m_confirmPasswordError = createFieldError(tab, QStringLiteral("account.confirmPasswordError"));
    m_passwordForm->addRow(new QLabel(), m_currentPassword);
    m_passwordForm->addRow(new QLabel(), m_currentPasswordError);
    m_passwordForm->addRow(new QLabel(), m_newPassword);
    m_passwordForm->addRow(new QLabel(), m_newPasswordError);
    m_passwordForm->addRow(new QLabel(), m_confirmPassword);
    m_passwordForm->addRow(new QLabel(), m_confirmPasswordError);
    layout->addLayout(m_passwordForm);
    for (QLabel *error : {m_currentPasswordError, m_newPasswordError, m_confirmPasswordError})
        setFieldError(error, {});
    m_policyTitle = new QLabel(tab);
    m_policyTitle->setObjectName(QStringLiteral("account.passwordPolicyTitle"));
    QFont bold = m_policyTitle->font();
    bold.setBold(true);
    m_policyTitle->setFont(bold);
    m_policyText = new QLabel(tab);
    m_policyText->setObjectName(QStringLiteral("account.passwordPolicy"));
    m_policyText->setWordWrap(true);
    layout->addWidget(m_policyTitle);
    layout->addWidget(m_policyText);
    m_passwordStatus = new QLabel(tab);
    m_passwordStatus->setObjectName(QStringLiteral("account.passwordStatus"));
    m_passwordStatus->setWordWrap(true);
    m_passwordStatusLine = new MessageLine(
        this, [this](const QString &text, MessageLine::Kind) { m_passwordStatus->setText(text); });
    layout->addWidget(m_passwordStatus);
    layout->addStretch();
    auto *buttons = new QHBoxLayout();
    buttons->addStretch();
    m_changePassword = new QPushButton(tab);
    m_changePassword->setObjectName(QStringLiteral("account.changePassword"));
    connect(m_changePassword, &QPushButton::clicked, this, &AccountPanel::changePassword);
    buttons->addWidget(m_changePassword);
    layout->addLayout(buttons);
    // Mismatch and policy hints as typed.
    const auto typed = [this] {
        setLocalizedFieldError(m_confirmPasswordError, [this] {
            return !m_confirmPassword->text().isEmpty() &&
                           m_confirmPassword->text() != m_newPassword->text()
                       ? tr("The two new passwords differ.")
                       : QString();
        });
        m_passwordStatusLine->clear();
        showPolicy();
    };
    connect(m_newPassword, &QLineEdit::textChanged, this, typed);
    connect(m_confirmPassword, &QLineEdit::textChanged, this, typed);
    connect(m_currentPassword, &QLineEdit::textChanged, this,
            [this] { setFieldError(m_currentPasswordError, {}); });
    return tab;
}

QWidget *AccountPanel::createTwoFactorTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("account.twoFactorTab"));
    auto *layout = new QVBoxLayout(tab);
    m_twoFactorState = new QLabel(tab);
    m_twoFactorState->setObjectName(QStringLiteral("account.twoFactorState"));
    m_twoFactorState->setWordWrap(true);
    layout->addWidget(m_twoFactorState);
    auto *enrolRow = new QHBoxLayout();
    m_enrol = new QPushButton(tab);
    m_enrol->setObjectName(QStringLiteral("account.enrol2fa"));
    connect(m_enrol, &QPushButton::clicked, this, &AccountPanel::enrol);
    enrolRow->addWidget(m_enrol);
    enrolRow->addStretch();
    layout->addLayout(enrolRow);

    m_enrolBox = new QWidget(tab);
    m_enrolBox->setObjectName(QStringLiteral("account.enrolBox"));
    auto *enrolLayout = new QHBoxLayout(m_enrolBox);
    enrolLayout->setContentsMargins(0, 0, 0, 0);
    m_qrCode = new QLabel(m_enrolBox);
    m_qrCode->setObjectName(QStringLiteral("account.qrCode"));
    m_qrCode->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    enrolLayout->addWidget(m_qrCode, 0, Qt::AlignTop);
    auto *steps = new QVBoxLayout();
    m_enrolHelp = new QLabel(m_enrolBox);
    m_enrolHelp->setObjectName(QStringLiteral("account.enrolHelp"));
    m_enrolHelp->setWordWrap(true);
    steps->addWidget(m_enrolHelp);
    m_secretTitle = new QLabel(m_enrolBox);
    steps->addWidget(m_secretTitle);
    m_secretText = new QLabel(m_enrolBox);
    m_secretText->setObjectName(QStringLiteral("account.totpSecret"));
    // Selectable to type into an app by hand; no copy button on purpose.
    m_secretText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_secretText->setFont(QFont(QStringLiteral("monospace")));
    m_secretText->setWordWrap(true);
    steps->addWidget(m_secretText);
    m_codeTitle = new QLabel(m_enrolBox);
    steps->addWidget(m_codeTitle);
    auto *codeRow = new QHBoxLayout();
    m_code = codeEdit(m_enrolBox, QStringLiteral("account.totpCode"));
    codeRow->addWidget(m_code);
    m_verify = new QPushButton(m_enrolBox);
    m_verify->setObjectName(QStringLiteral("account.verify2fa"));
    connect(m_verify, &QPushButton::clicked, this, &AccountPanel::verify);
    connect(m_code, &QLineEdit::returnPressed, this, &AccountPanel::verify);
    codeRow->addWidget(m_verify);
    codeRow->addStretch();
    steps->addLayout(codeRow);
    steps->addStretch();
    enrolLayout->addLayout(steps, 1);
    layout->addWidget(m_enrolBox);

    m_disableBox = new QGroupBox(tab);
    m_disableBox->setObjectName(QStringLiteral("account.disableBox"));
    m_disableForm = new QFormLayout(m_disableBox);
    m_disablePassword = passwordEdit(m_disableBox, QStringLiteral("account.disablePassword"));
    m_disableCode = codeEdit(m_disableBox, QStringLiteral("account.disableCode"));
    m_disable = new QPushButton(m_disableBox);
    m_disable->setObjectName(QStringLiteral("account.disable2fa"));
    connect(m_disable, &QPushButton::clicked, this, &AccountPanel::disableTwoFactor);
    m_disableForm->addRow(new QLabel(), m_disablePassword);
    m_disableForm->addRow(new QLabel(), m_disableCode);
    m_regenerate = new QPushButton(m_disableBox);
    m_regenerate->setObjectName(QStringLiteral("account.regenerateRecoveryCodes"));
    connect(m_regenerate, &QPushButton::clicked, this, &AccountPanel::regenerateRecoveryCodes);
    auto *disableButtons = new QHBoxLayout();
    disableButtons->addWidget(m_disable);
    disableButtons->addWidget(m_regenerate);
    disableButtons->addStretch();
    m_disableForm->addRow(new QLabel(), disableButtons);
    layout->addWidget(m_disableBox);

    m_recoveryBox = new QGroupBox(tab);
    m_recoveryBox->setObjectName(QStringLiteral("account.recoveryBox"));
    auto *recoveryLayout = new QVBoxLayout(m_recoveryBox);
    m_recoveryHelp = new QLabel(m_recoveryBox);
    m_recoveryHelp->setObjectName(QStringLiteral("account.recoveryHelp"));
    m_recoveryHelp->setWordWrap(true);
    recoveryLayout->addWidget(m_recoveryHelp);
    m_recoveryCodes = new QPlainTextEdit(m_recoveryBox);
    m_recoveryCodes->setObjectName(QStringLiteral("account.recoveryCodes"));
    m_recoveryCodes->setReadOnly(true);
    m_recoveryCodes->setFont(QFont(QStringLiteral("monospace")));
    m_recoveryCodes->setMaximumHeight(m_recoveryCodes->fontMetrics().lineSpacing() * 12);
    recoveryLayout->addWidget(m_recoveryCodes);
    auto *recoveryButtons = new QHBoxLayout();
    m_copyRecoveryCodes = new QPushButton(m_recoveryBox);
    m_copyRecoveryCodes->setObjectName(QStringLiteral("account.copyRecoveryCodes"));
    // Off the clipboard again after 30 s (ClipboardGuard).
    connect(m_copyRecoveryCodes, &QPushButton::clicked, this,
            [this] { ClipboardGuard::copySecret(m_recoveryCodes->toPlainText()); });
    m_hideRecoveryCodes = new QPushButton(m_recoveryBox);
    m_hideRecoveryCodes->setObjectName(QStringLiteral("account.hideRecoveryCodes"));
    connect(m_hideRecoveryCodes, &QPushButton::clicked, this, [this] { showRecoveryCodes({}); });
    recoveryButtons->addWidget(m_copyRecoveryCodes);
    recoveryButtons->addWidget(m_hideRecoveryCodes);
    recoveryButtons->addStretch();
    recoveryLayout->addLayout(recoveryButtons);
    m_recoveryBox->hide();
    layout->addWidget(m_recoveryBox);
    m_twoFactorError = createFieldError(tab, QStringLiteral("account.twoFactorError"));
    layout->addWidget(m_twoFactorError);
    layout->addStretch();
    return tab;
}

QWidget *AccountPanel::createSessionsTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("account.sessionsTab"));
    auto *layout = new QVBoxLayout(tab);
    m_sessionsHelp = new QLabel(tab);
    m_sessionsHelp->setWordWrap(true);
    layout->addWidget(m_sessionsHelp);
    m_sessionsTable = new QTableWidget(0, SessionColumnCount, tab);
    m_sessionsTable->setObjectName(QStringLiteral("account.sessions"));
    m_sessionsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_sessionsTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sessionsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sessionsTable->verticalHeader()->hide();
    m_sessionsTable->horizontalHeader()->setSectionResizeMode(DeviceColumn, QHeaderView::Stretch);
    m_sessionsTable->horizontalHeader()->setSectionResizeMode(AddressColumn,
                                                              QHeaderView::ResizeToContents);
    m_sessionsTable->horizontalHeader()->setSectionResizeMode(CreatedColumn,
                                                              QHeaderView::ResizeToContents);
    m_sessionsTable->horizontalHeader()->setSectionResizeMode(LastUsedColumn,
                                                              QHeaderView::ResizeToContents);
    m_sessionsTable->horizontalHeader()->setSectionResizeMode(CurrentColumn,
                                                              QHeaderView::ResizeToContents);
    connect(m_sessionsTable, &QTableWidget::itemSelectionChanged, this,
            &AccountPanel::updateSessionButtons);
    layout->addWidget(m_sessionsTable, 1);
    m_sessionsStatus = new QLabel(tab);
    m_sessionsStatus->setObjectName(QStringLiteral("account.sessionsStatus"));
    m_sessionsStatus->setWordWrap(true);
    layout->addWidget(m_sessionsStatus);
    auto *buttons = new QHBoxLayout();
    m_refreshSessions = new QPushButton(tab);
    m_refreshSessions->setObjectName(QStringLiteral("account.refreshSessions"));
    connect(m_refreshSessions, &QPushButton::clicked, this, &AccountPanel::reloadSessions);
    buttons->addWidget(m_refreshSessions);
    buttons->addStretch();
    m_revoke = new QPushButton(tab);
    m_revoke->setObjectName(QStringLiteral("account.revokeSession"));
    connect(m_revoke, &QPushButton::clicked, this, &AccountPanel::revokeSelected);
    buttons->addWidget(m_revoke);
    m_revokeOthers = new QPushButton(tab);
    m_revokeOthers->setObjectName(QStringLiteral("account.revokeOthers"));
    connect(m_revokeOthers, &QPushButton::clicked, this, &AccountPanel::revokeOthers);
    buttons->addWidget(m_revokeOthers);
    layout->addLayout(buttons);
    return tab;
}

void AccountPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QWidget::changeEvent(event);
}

void AccountPanel::retranslateUi()
{
    m_tabs->setTabText(0, tr("Profile"));
    m_tabs->setTabText(1, tr("Password"));
    m_tabs->setTabText(2, tr("Two-factor authentication"));
    m_tabs->setTabText(3, tr("Sessions"));
    const auto setLabel = [](QFormLayout *form, QWidget *field, const QString &text) {
        if (auto *label = qobject_cast<QLabel *>(form->labelForField(field)))
            label->setText(text);
    };
    setLabel(m_profileForm, m_username, tr("Username:"));
    setLabel(m_profileForm, m_email, tr("E-mail:"));
    setLabel(m_profileForm, m_fullName, tr("Full name:"));
    setLabel(m_profileForm, m_role, tr("Role:"));
    setLabel(m_profileForm, m_twoFactorSummary, tr("Two-factor:"));
    m_mailLanguageCaption->setText(tr("Language for e-mails:"));
    m_mailLanguage->setToolTip(tr("The language of the e-mails the server sends you, such as "
                                  "password resets."));
    m_signOut->setText(tr("Sign out"));
    m_signOut->setToolTip(tr("End this console's session on the server."));
    m_signedOut->setText(tr("Nobody is signed in. Sign in (File menu) to see your account."));

    setLabel(m_passwordForm, m_currentPassword, tr("Current password:"));
    setLabel(m_passwordForm, m_newPassword, tr("New password:"));
    setLabel(m_passwordForm, m_confirmPassword, tr("Repeat the new password:"));
    m_policyTitle->setText(tr("The server's password policy"));
    m_changePassword->setText(tr("Change password"));
    m_changePassword->setToolTip(
        tr("Your other sessions are signed out when the password changes."));

    m_enrol->setText(tr("Set up two-factor authentication..."));
    m_enrolHelp->setText(tr("Scan this code with an authenticator app (for example FreeOTP, "
                            "Google Authenticator or 1Password), then enter the six-digit code "
                            "it shows to turn two-factor authentication on."));
    m_secretTitle->setText(tr("Or type this key into the app:"));
    m_codeTitle->setText(tr("Code from the app:"));
    m_verify->setText(tr("Verify and turn on"));
    m_disableBox->setTitle(tr("Turn two-factor authentication off"));
    setLabel(m_disableForm, m_disablePassword, tr("Password:"));
    setLabel(m_disableForm, m_disableCode, tr("Current code:"));
    m_disable->setText(tr("Turn off"));
    m_regenerate->setText(tr("Regenerate recovery codes"));
    m_recoveryBox->setTitle(tr("Recovery codes"));
    m_recoveryHelp->setText(tr("Keep these codes somewhere safe. Each one signs you in once "
                               "instead of a code from your authenticator app. They are shown "
                               "only now."));
    m_copyRecoveryCodes->setText(tr("Copy"));
    m_copyRecoveryCodes->setToolTip(tr("Copies the codes; the clipboard is cleared after 30 "
                                       "seconds."));
    m_hideRecoveryCodes->setText(tr("I have saved them"));

    m_sessionsHelp->setText(tr("Where you are signed in. Revoking a session signs that device "
                               "out at its next request."));
    m_sessionsTable->setHorizontalHeaderLabels(
        {tr("Device"), tr("IP address"), tr("Signed in"), tr("Last used"), tr("Current")});
    m_refreshSessions->setText(tr("Refresh"));
    m_revoke->setText(tr("Revoke"));
    m_revokeOthers->setText(tr("Revoke all other sessions"));
    showProfile();
    showPolicy();
    showTwoFactorState();
    showSessions();
    showMailLanguage();
}

void AccountPanel::setSession(client::ApiClient *client, const client::UserInfo &user)
{
    m_client = client;
    m_user = client ? user : client::UserInfo{};
    m_otpauthUri.clear();
    m_secret.clear();
    showRecoveryCodes({});
    m_sessions.clear();
    m_sessionsFailed = false;
    m_policy = {};
    m_policyFromServer = false;
    m_mailLanguageValue.clear();
    m_mailLanguageStatusText.clear();
    m_mailLanguageBusy = false;
    m_tabs->setEnabled(true);
    for (int i = 1; i < m_tabs->count(); ++i)
        m_tabs->setTabEnabled(i, client != nullptr);
    showProfile();
    showPolicy();
    showTwoFactorState();
    showSessions();
    showMailLanguage();
    if (!m_client)
        return;
    // The profile as the server has it now (2FA state, e-mail).
    client::AccountApi(*m_client).me(client::within(this, [this](Result<client::UserInfo> r) {
        if (!r)
            return;
        m_user = *r;
        showProfile();
        showTwoFactorState();
    }));
    loadPolicy();
    loadMailLanguage();
    reloadSessions();
}

void AccountPanel::loadMailLanguage()
{
    showMailLanguage();
    if (!m_client)
        return;
    m_mailLanguageBusy = true;
    showMailLanguage();
    // UserInfo does not carry it: GET /users/me's own field.
    m_client->call<QJsonValue>(
        client::ApiRequest::get(QStringLiteral("/api/v1/users/me")),
        [](const client::ApiResponse &r) { return r.data; },
        client::within(this, [this](Result<QJsonValue> r) {
            m_mailLanguageBusy = false;
            if (r) {
                m_mailLanguageValue =
                    r->toObject().value(QStringLiteral("language")).toString(QStringLiteral("en"));
                m_mailLanguageStatusText.clear();
            } else {
                m_mailLanguageStatusText = LocalizedText([error = r.error()] {
                    return tr("Could not read it: %1").arg(AdminText::error(error));
                });
            }
            showMailLanguage();
        }));
}

void AccountPanel::saveMailLanguage()
{
    const QString chosen = m_mailLanguage->currentData().toString();
    if (!m_client || m_mailLanguageBusy || chosen == m_mailLanguageValue)
        return;
    m_mailLanguageBusy = true;
    m_mailLanguageStatusText = LocalizedText([] { return tr("Saving…"); });
    showMailLanguage();
    m_client->call<QJsonValue>(
        client::ApiRequest::put(QStringLiteral("/api/v1/users/me/language"),
                                QJsonObject{{QStringLiteral("language"), chosen}}),
        [](const client::ApiResponse &r) { return r.data; },
        client::within(this, [this](Result<QJsonValue> r) {
            m_mailLanguageBusy = false;
            if (r) {
                m_mailLanguageValue = r->toObject().value(QStringLiteral("language")).toString();
                m_mailLanguageStatusText = LocalizedText([] { return tr("Saved."); });
            } else {
                // The combo box goes back to what the server has.
                m_mailLanguageStatusText = LocalizedText([error = r.error()] {
                    return tr("Not saved: %1").arg(AdminText::error(error));
                });
            }
            showMailLanguage();
        }));
}

void AccountPanel::showMailLanguage()
{
    const int index = m_mailLanguage->findData(m_mailLanguageValue);
    if (index >= 0 && !m_mailLanguageBusy)
        m_mailLanguage->setCurrentIndex(index);
    m_mailLanguage->setEnabled(m_client && !m_mailLanguageBusy && !m_mailLanguageValue.isEmpty());
    m_mailLanguageStatus->setText(m_mailLanguageStatusText.toString());
}

void AccountPanel::loadPolicy()
{
    // Only administrators may read the settings; for the others the
    // server tells its policy when it refuses a password (INVALID_PASSWORD).
    if (!m_client || m_user.role.compare(QLatin1String("admin"), Qt::CaseInsensitive) != 0)
        return;
    m_client->call<QJsonValue>(
        client::ApiRequest::get(QStringLiteral("/api/v1/auth/settings")),
        [](const client::ApiResponse &r) { return r.data; },
        client::within(this, [this](Result<QJsonValue> r) {
            if (!r)
                return;
            const QJsonObject policy =
                r->toObject().value(QStringLiteral("password_policy")).toObject();
            if (policy.isEmpty())
                return;
            m_policy = policy;
            m_policyFromServer = true;
            showPolicy();
        }));
}

void AccountPanel::showProfile()
{
    m_username->setText(m_user.username);
    m_email->setText(m_user.email);
    m_fullName->setText(m_user.fullName);
    m_role->setText(m_user.role.isEmpty() ? QString() : AdminText::role(m_user.role));
    m_twoFactorSummary->setText(m_user.twoFactorEnabled ? tr("On") : tr("Off"));
    m_signedOut->setVisible(!m_client);
    m_signOut->setEnabled(m_client != nullptr);
}

void AccountPanel::showPolicy()
{
    if (m_policy.isEmpty()) {
        m_policyText->setText(
            tr("Only administrators can read the policy in advance. The server checks the new "
               "password when you submit it and names any rule it breaks here."));
        return;
    }
    const QString password = m_newPassword->text();
    QStringList lines;
    // Each rule with whether the password typed so far meets it.
    const QJsonObject policy = m_policy;
    const auto meets = [&](const QString &rule) {
        if (rule == QLatin1String("min_length"))
            return password.size() >= policy.value(QStringLiteral("min_length")).toInt(8);
        if (rule == QLatin1String("require_uppercase"))
            return std::any_of(password.begin(), password.end(),
                               [](QChar c) { return c.isUpper(); });
        if (rule == QLatin1String("require_lowercase"))
            return std::any_of(password.begin(), password.end(),
                               [](QChar c) { return c.isLower(); });
        if (rule == QLatin1String("require_numbers"))
            return std::any_of(password.begin(), password.end(),
                               [](QChar c) { return c.isDigit(); });
        return std::any_of(password.begin(), password.end(),
                           [](QChar c) { return !c.isLetterOrNumber() && !c.isSpace(); });
    };
    QStringList rules{QStringLiteral("min_length")};
    for (const char *rule :
         {"require_uppercase", "require_lowercase", "require_numbers", "require_symbols"}) {
        if (policy.value(QLatin1String(rule)).toBool(true))
            rules << QLatin1String(rule);
    }
    for (const QString &rule : rules) {
        const QString mark = password.isEmpty() ? QStringLiteral("•")
                             : meets(rule)      ? QStringLiteral("✓")
                                                : QStringLiteral("✗");
        lines << mark + u' ' + AdminText::passwordRule(rule, policy);
    }
    m_policyText->setText(tr("A new password needs:") + u'\n' + lines.join(u'\n'));
}

void AccountPanel::showTwoFactorState()
{
    const bool on = m_user.twoFactorEnabled;
    const bool enrolling = !m_otpauthUri.isEmpty();
    if (!m_client)
        m_twoFactorState->setText(QString());
    else if (on)
        m_twoFactorState->setText(tr("Two-factor authentication is on: signing in asks for a "
                                     "code from your authenticator app."));
    else if (enrolling)
        m_twoFactorState->setText(tr("Two-factor authentication is being set up. It is on once "
                                     "you verify a code."));
    else
        m_twoFactorState->setText(tr("Two-factor authentication is off: signing in needs only "
                                     "your password."));
    m_enrol->setVisible(!on && !enrolling);
    m_enrol->setEnabled(m_client && !on);
    m_enrolBox->setVisible(enrolling && !on);
    m_disableBox->setVisible(on);
    if (enrolling) {
        // Drawn in memory for this widget only (never saved, never copied).
        m_qrCode->setPixmap(QPixmap::fromImage(renderQrCode(m_otpauthUri, 5)));
        // The key in groups of four, as authenticator apps show it.
        QString grouped;
        for (int i = 0; i < m_secret.size(); i += 4)
            grouped += m_secret.mid(i, 4) + u' ';
        m_secretText->setText(grouped.trimmed());
    } else {
        m_qrCode->clear();
        m_secretText->clear();
    }
}

QImage AccountPanel::qrImage() const
{
    const QPixmap pixmap = m_qrCode->pixmap();
    return pixmap.isNull() ? QImage() : pixmap.toImage();
}

void AccountPanel::showSessions()
{
    m_sessionsTable->setRowCount(int(m_sessions.size()));
    for (int row = 0; row < m_sessions.size(); ++row) {
        const client::SessionInfo &s = m_sessions[row];
        const auto set = [&](int column, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            item->setData(Qt::UserRole, s.id);
            item->setToolTip(text);
            if (s.current) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            m_sessionsTable->setItem(row, column, item);
        };
        set(DeviceColumn, s.deviceInfo.isEmpty() ? tr("Unknown device") : s.deviceInfo);
        set(AddressColumn, s.ipAddress);
        set(CreatedColumn, AdminText::dateTime(s.createdAt));
        set(LastUsedColumn, AdminText::dateTime(s.lastUsedAt, tr("never")));
        set(CurrentColumn, s.current ? tr("This console") : QString());
    }
    if (!m_client)
        m_sessionsStatus->clear();
    else if (m_sessionsFailed)
        m_sessionsStatus->setText(AdminText::error(m_sessionsError, m_user.role));
    else
        m_sessionsStatus->setText(tr("%n session(s)", "", int(m_sessions.size())));
    updateSessionButtons();
}

void AccountPanel::updateSessionButtons()
{
    const int row = m_sessionsTable->currentRow();
    const bool selected =
        m_sessionsTable->selectionModel()->hasSelection() && row >= 0 && row < m_sessions.size();
    const bool current = selected && m_sessions[row].current;
    m_revoke->setEnabled(m_client && selected && !current);
    m_revoke->setToolTip(current ? tr("This is the session of this console: use Sign out.")
                                 : tr("Sign the selected session out."));
    const bool others = std::any_of(m_sessions.begin(), m_sessions.end(),
                                    [](const client::SessionInfo &s) { return !s.current; });
    m_revokeOthers->setEnabled(m_client && others);
    m_refreshSessions->setEnabled(m_client != nullptr);
}

void AccountPanel::reloadSessions()
{
    if (!m_client)
        return;
    client::AccountApi(*m_client).sessions(
        client::within(this, [this](Result<QList<client::SessionInfo>> r) {
            m_sessionsFailed = !r.ok();
            if (r) {
                m_sessions = *r;
                // This console's session first.
                std::stable_sort(m_sessions.begin(), m_sessions.end(),
                                 [](const client::SessionInfo &a, const client::SessionInfo &b) {
                                     return a.current && !b.current;
                                 });
            } else {
                m_sessionsError = r.error();
            }
            showSessions();
        }));
}

void AccountPanel::revokeSelected()
{
    const int row = m_sessionsTable->currentRow();
    if (!m_client || row < 0 || row >= m_sessions.size() || m_sessions[row].current)
        return;
    const client::SessionInfo session = m_sessions[row];
    if (!MessageBox::confirm(
            this, tr("Revoke session"),
            tr("Sign out the session on \"%1\" (%2)?").arg(session.deviceInfo, session.ipAddress),
            tr("Sign out"), QStringLiteral("account.confirmRevoke"),
            MessageBox::Confirm::Destructive))
        return;
    client::AccountApi(*m_client).revokeSession(
        session.id, client::within(this, [this](Result<void> r) {
            if (!r) {
                m_sessionsStatus->setText(AdminText::error(r.error(), m_user.role));
                return;
            }
            reloadSessions();
        }));
}

void AccountPanel::revokeOthers()
{
    if (!m_client)
        return;
    if (!MessageBox::confirm(this, tr("Revoke other sessions"),
                             tr("Sign out every other device where you are signed in? This "
                                "console stays signed in."),
                             tr("Sign out others"), QStringLiteral("account.confirmRevokeOthers"),
                             MessageBox::Confirm::Destructive))
        return;
    client::AccountApi(*m_client).revokeOtherSessions(client::within(this, [this](Result<void> r) {
        if (!r) {
            m_sessionsStatus->setText(AdminText::error(r.error(), m_user.role));
            return;
        }
        reloadSessions();
    }));
}

void AccountPanel::changePassword()
{
    if (!m_client)
        return;
    setFieldError(m_currentPasswordError, {});
    setFieldError(m_newPasswordError, {});
    m_passwordStatusLine->clear();
    if (m_currentPassword->text().isEmpty()) {
        setLocalizedFieldError(m_currentPasswordError,
                               [] { return tr("Enter your current password."); });
        return;
    }
    if (m_newPassword->text().isEmpty()) {
        setLocalizedFieldError(m_newPasswordError, [] { return tr("Enter a new password."); });
        return;
    }
    if (m_newPassword->text() != m_confirmPassword->text()) {
        setLocalizedFieldError(m_confirmPasswordError,
                               [] { return tr("The two new passwords differ."); });
        return;
    }
    m_changePassword->setEnabled(false);
    client::AccountApi(*m_client).changePassword(
        m_currentPassword->text(), m_newPassword->text(),
        client::within(this, [this](Result<void> r) {
            m_changePassword->setEnabled(true);
            if (r) {
                m_currentPassword->clear();
                m_newPassword->clear();
                m_confirmPassword->clear();
                m_passwordStatusLine->show(
                    [] {
                        return tr("Your password was changed. Your other sessions were signed "
                                  "out.");
                    },
                    MessageLine::Kind::Lasting);
                reloadSessions();
                emit passwordChanged();
                return;
            }
            const hm::Error &error = r.error();
            if (error.code == ErrorCode::InvalidPassword) {
                // The server says its policy: show it from now on.
                const QJsonObject policy = error.details.value(QStringLiteral("policy")).toObject();
                if (!policy.isEmpty())
                    m_policy = policy;
                showPolicy();
                setLocalizedFieldError(m_newPasswordError, [error, role = m_user.role] {
                    return AdminText::error(error, role);
                });
                m_newPassword->setFocus();
            } else if (error.code == ErrorCode::InvalidCredentials ||
                       error.code == ErrorCode::CurrentPasswordWrong ||
                       AdminText::errorField(error) == QLatin1String("current_password")) {
                setLocalizedFieldError(m_currentPasswordError, [error, role = m_user.role] {
                    return AdminText::error(error, role);
                });
                m_currentPassword->selectAll();
                m_currentPassword->setFocus();
            } else if (AdminText::errorField(error) == QLatin1String("new_password")) {
                setLocalizedFieldError(m_newPasswordError, [error, role = m_user.role] {
                    return AdminText::error(error, role);
                });
            } else {
                m_passwordStatusLine->show(
                    [error, role = m_user.role] { return AdminText::error(error, role); },
                    MessageLine::Kind::Lasting);
            }
        }));
}

void AccountPanel::enrol()
{
    if (!m_client)
        return;
    setFieldError(m_twoFactorError, {});
    m_enrol->setEnabled(false);
    client::AccountApi(*m_client).enrollTwoFactor(
        client::within(this, [this](Result<client::TwoFactorEnrollment> r) {
            if (!r) {
                setLocalizedFieldError(m_twoFactorError, [error = r.error(), role = m_user.role] {
                    return AdminText::error(error, role);
                });
                showTwoFactorState();
                return;
            }
            m_otpauthUri = r->otpauthUri;
            m_secret = r->secret;
            m_code->clear();
            showTwoFactorState();
            m_code->setFocus();
        }));
}

void AccountPanel::verify()
{
    if (!m_client || m_otpauthUri.isEmpty())
        return;
    setFieldError(m_twoFactorError, {});
    if (m_code->text().size() < 6) {
        setLocalizedFieldError(m_twoFactorError, [] {
            return tr("Enter the six-digit code your authenticator app shows.");
        });
        return;
    }
    m_verify->setEnabled(false);
    client::AccountApi(*m_client).enableTwoFactor(
        m_code->text(), client::within(this, [this](Result<QStringList> r) {
            m_verify->setEnabled(true);
            if (!r) {
                setLocalizedFieldError(m_twoFactorError, [error = r.error(), role = m_user.role] {
                    return AdminText::error(error, role);
                });
                m_code->selectAll();
                return;
            }
            m_otpauthUri.clear();
            m_secret.clear();
            m_code->clear();
            m_user.twoFactorEnabled = true;
            showProfile();
            showTwoFactorState();
            showRecoveryCodes(r.value());
            emit twoFactorChanged(true);
        }));
}

void AccountPanel::disableTwoFactor()
{
    if (!m_client)
        return;
    setFieldError(m_twoFactorError, {});
    if (m_disablePassword->text().isEmpty() || m_disableCode->text().size() < 6) {
        setLocalizedFieldError(m_twoFactorError, [] {
            return tr("Enter your password and the code your authenticator app shows.");
        });
        return;
    }
    m_disable->setEnabled(false);
    client::AccountApi(*m_client).disableTwoFactor(
        m_disablePassword->text(), m_disableCode->text(),
        client::within(this, [this](Result<void> r) {
            m_disable->setEnabled(true);
            if (!r) {
                setLocalizedFieldError(m_twoFactorError, [error = r.error(), role = m_user.role] {
                    return AdminText::error(error, role);
                });
                return;
            }
            m_disablePassword->clear();
            m_disableCode->clear();
            m_user.twoFactorEnabled = false;
            showProfile();
            showTwoFactorState();
            showRecoveryCodes({});
            emit twoFactorChanged(false);
        }));
}

void AccountPanel::regenerateRecoveryCodes()
{
    if (!m_client)
        return;
    setFieldError(m_twoFactorError, {});
    if (m_disablePassword->text().isEmpty() || m_disableCode->text().size() < 6) {
        setLocalizedFieldError(m_twoFactorError, [] {
            return tr("Enter your password and the code your authenticator app shows.");
        });
        return;
    }
    m_regenerate->setEnabled(false);
    client::AccountApi(*m_client).regenerateRecoveryCodes(
        m_disablePassword->text(), m_disableCode->text(),
        client::within(this, [this](Result<QStringList> r) {
            m_regenerate->setEnabled(true);
            if (!r) {
                setLocalizedFieldError(m_twoFactorError, [error = r.error(), role = m_user.role] {
                    return AdminText::error(error, role);
                });
                return;
            }
            m_disablePassword->clear();
            m_disableCode->clear();
            showRecoveryCodes(r.value());
        }));
}

void AccountPanel::showRecoveryCodes(const QStringList &codes)
{
    m_recoveryCodes->setPlainText(codes.join(u'\n'));
    m_recoveryBox->setVisible(!codes.isEmpty());
}

AccountDialog::AccountDialog(client::ApiClient *client, const client::UserInfo &user,
                             QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("account.dialog"));
    auto *layout = new QVBoxLayout(this);
    m_panel = new AccountPanel(this);
    layout->addWidget(m_panel);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    layout->addWidget(buttons);
    // Signing out ends this dialog too.
    connect(m_panel, &AccountPanel::signOutRequested, this, &QDialog::accept);
    setWindowTitle(tr("My account"));
    resize(720, 560);
    m_panel->setSession(client, user);
}

void AccountDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        setWindowTitle(tr("My account"));
    QDialog::changeEvent(event);
}

} // namespace hm::app
