#include "operations/MailSettingsTab.h"

#include "client/ApiClient.h"
#include "client/ApiRequest.h"
#include "client/Within.h"
#include "operations/CaCertificateField.h"
#include "operations/OperationsText.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hm::app {

namespace {

const QString kPath = QStringLiteral("/api/v1/system/mail");

// The security choices in the order of the combo box.
const QStringList &securityValues()
{
    static const QStringList values{QStringLiteral("starttls"), QStringLiteral("tls"),
                                    QStringLiteral("none")};
    return values;
}

} // namespace

MailSettingsTab::MailSettingsTab(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("settings.mailTab"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 12, 12, 12);
    m_readOnlyNote = new QLabel(this);
    m_readOnlyNote->setObjectName(QStringLiteral("mail.readOnlyNote"));
    m_readOnlyNote->setWordWrap(true);
    outer->addWidget(m_readOnlyNote);

    m_serverGroup = new QGroupBox(this);
    m_serverGroup->setObjectName(QStringLiteral("mail.group.server"));
    m_form = new QFormLayout(m_serverGroup);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const auto edit = [this](const char *name, QLabel **caption) {
        *caption = new QLabel(m_serverGroup);
        auto *line = new QLineEdit(m_serverGroup);
        line->setObjectName(QString::fromLatin1(name));
        (*caption)->setBuddy(line);
        connect(line, &QLineEdit::textEdited, this, &MailSettingsTab::updateState);
        return line;
    };
    m_host = edit("mail.host", &m_hostCaption);
    m_host->setMaxLength(253);
    m_portCaption = new QLabel(m_serverGroup);
    m_port = new QSpinBox(m_serverGroup);
    m_port->setObjectName(QStringLiteral("mail.port"));
    m_port->setRange(1, 65535);
    m_port->setValue(587);
    m_port->setMinimumWidth(100);
    m_portCaption->setBuddy(m_port);
    connect(m_port, &QSpinBox::valueChanged, this, &MailSettingsTab::updateState);
    m_securityCaption = new QLabel(m_serverGroup);
    m_security = new QComboBox(m_serverGroup);
    m_security->setObjectName(QStringLiteral("mail.security"));
    m_security->addItems({QString(), QString(), QString()});
    m_securityCaption->setBuddy(m_security);
    connect(m_security, &QComboBox::currentIndexChanged, this, &MailSettingsTab::updateState);
    m_username = edit("mail.username", &m_usernameCaption);
    m_password = edit("mail.password", &m_passwordCaption);
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordState = new QLabel(m_serverGroup);
    m_passwordState->setObjectName(QStringLiteral("mail.passwordState"));
    m_clear = new QPushButton(m_serverGroup);
    m_clear->setObjectName(QStringLiteral("mail.clearPassword"));
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_clearPassword = true;
        m_password->clear();
        updateState();
    });
    m_from = edit("mail.from", &m_fromCaption);
    m_publicUrl = edit("mail.publicUrl", &m_publicUrlCaption);
    m_caCaption = new QLabel(m_serverGroup);
    m_ca = new CaCertificateField(QStringLiteral("mail.caPem"), m_serverGroup);
    m_caCaption->setBuddy(m_ca);
    connect(m_ca, &CaCertificateField::edited, this, &MailSettingsTab::updateState);

    const auto inRow = [this](QWidget *editor, bool grow) {
        auto *box = new QWidget(m_serverGroup);
        auto *row = new QHBoxLayout(box);
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(editor, grow ? 1 : 0);
        if (!grow)
            row->addStretch(1);
        return box;
    };
    m_form->addRow(m_hostCaption, m_host);
    m_form->addRow(m_portCaption, inRow(m_port, false));
    m_form->addRow(m_securityCaption, inRow(m_security, false));
    m_form->addRow(m_usernameCaption, m_username);
    auto *passwordBox = new QWidget(m_serverGroup);
    auto *passwordRow = new QHBoxLayout(passwordBox);
    passwordRow->setContentsMargins(0, 0, 0, 0);
    passwordRow->addWidget(m_password, 1);
    passwordRow->addWidget(m_passwordState);
    passwordRow->addWidget(m_clear);
    m_form->addRow(m_passwordCaption, passwordBox);
    m_form->addRow(m_fromCaption, m_from);
    m_form->addRow(m_publicUrlCaption, m_publicUrl);
    m_form->addRow(m_caCaption, m_ca);
    outer->addWidget(m_serverGroup);

    auto *saveRow = new QHBoxLayout;
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("mail.status"));
    m_statusLabel->setWordWrap(true);
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("mail.save"));
    saveRow->addWidget(m_statusLabel, 1);
    saveRow->addWidget(m_save);
    outer->addLayout(saveRow);
    connect(m_save, &QPushButton::clicked, this, &MailSettingsTab::save);

    m_testGroup = new QGroupBox(this);
    m_testGroup->setObjectName(QStringLiteral("mail.group.test"));
    auto *testLayout = new QVBoxLayout(m_testGroup);
    auto *testRow = new QHBoxLayout;
    m_testCaption = new QLabel(m_testGroup);
    m_testTo = new QLineEdit(m_testGroup);
    m_testTo->setObjectName(QStringLiteral("mail.testTo"));
    m_testCaption->setBuddy(m_testTo);
    connect(m_testTo, &QLineEdit::textEdited, this, &MailSettingsTab::updateState);
    m_sendTest = new QPushButton(m_testGroup);
    m_sendTest->setObjectName(QStringLiteral("mail.sendTest"));
    connect(m_sendTest, &QPushButton::clicked, this, &MailSettingsTab::sendTest);
    testRow->addWidget(m_testCaption);
    testRow->addWidget(m_testTo, 1);
    testRow->addWidget(m_sendTest);
    testLayout->addLayout(testRow);
    m_testResult = new QLabel(m_testGroup);
    m_testResult->setObjectName(QStringLiteral("mail.testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResultLine = new MessageLine(
        this, [this](const QString &text, MessageLine::Kind) { m_testResult->setText(text); });
    testLayout->addWidget(m_testResult);
    outer->addWidget(m_testGroup);
    outer->addStretch(1);

    retranslate();
    updateState();
}

void MailSettingsTab::setClient(hm::client::ApiClient *client, bool admin)
{
    if (client == m_client && admin == m_admin)
        return;
    m_client = client;
    m_admin = admin;
    m_settings = {};
    m_status.clear();
    m_testResultLine->clear();
    fillForm();
    reload();
}

void MailSettingsTab::reload()
{
    if (!m_client || !m_admin) {
        updateState();
        return;
    }
    m_busy = true;
    updateState();
    m_client->send(hm::client::ApiRequest::get(kPath),
                   hm::client::within(this, [this](Result<hm::client::ApiResponse> r) {
                       m_busy = false;
                       if (!r) {
                           m_status = LocalizedText([=]() -> QString {
                               return describeOperationsError(r.error(),
                                                              tr("read the mail settings"));
                           });
                       } else {
                           m_settings = r.value().data.toObject();
                           m_status.clear();
                       }
                       fillForm();
                   }));
}

void MailSettingsTab::fillForm()
{
    const QSignalBlocker blockPort(m_port);
    const QSignalBlocker blockSecurity(m_security);
    m_host->setText(m_settings.value(QStringLiteral("smtp_host")).toString());
    m_port->setValue(m_settings.value(QStringLiteral("smtp_port")).toInt(587));
    const qsizetype security = securityValues().indexOf(
        m_settings.value(QStringLiteral("security")).toString(QStringLiteral("starttls")));
    m_security->setCurrentIndex(security < 0 ? 0 : int(security));
    m_username->setText(m_settings.value(QStringLiteral("username")).toString());
    m_password->clear();
    m_clearPassword = false;
    m_from->setText(m_settings.value(QStringLiteral("from")).toString());
    m_publicUrl->setText(m_settings.value(QStringLiteral("public_url")).toString());
    m_ca->setPem(m_settings.value(QStringLiteral("ca_pem")).toString());
    retranslate();
    updateState();
}

QJsonObject MailSettingsTab::changes() const
{
    QJsonObject changed;
    const auto text = [&](const QString &key, const QLineEdit *edit) {
        const QString value = edit->text().trimmed();
        if (value != m_settings.value(key).toString())
            changed.insert(key, value);
    };
    text(QStringLiteral("smtp_host"), m_host);
    if (m_port->value() != m_settings.value(QStringLiteral("smtp_port")).toInt(587))
        changed.insert(QStringLiteral("smtp_port"), m_port->value());
    const QString security = securityValues().value(m_security->currentIndex());
    if (security !=
        m_settings.value(QStringLiteral("security")).toString(QStringLiteral("starttls")))
        changed.insert(QStringLiteral("security"), security);
    text(QStringLiteral("username"), m_username);
    text(QStringLiteral("from"), m_from);
    text(QStringLiteral("public_url"), m_publicUrl);
    // Compared as the field shows it (trimmed); cleared is null: the
    // system's CAs again.
    const QString ca = m_ca->pem();
    if (ca != m_settings.value(QStringLiteral("ca_pem")).toString().trimmed())
        changed.insert(QStringLiteral("ca_pem"), ca.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                              : QJsonValue(QString(ca + u'\n')));
    if (!m_password->text().isEmpty())
        changed.insert(QStringLiteral("password"), m_password->text());
    else if (m_clearPassword)
        changed.insert(QStringLiteral("password"), QJsonValue::Null);
    return changed;
}

void MailSettingsTab::save()
{
    const QJsonObject changed = changes();
    if (!m_client || !m_admin || changed.isEmpty())
        return;
    m_busy = true;
    updateState();
    m_client->send(hm::client::ApiRequest::put(kPath, changed),
                   hm::client::within(this, [this](Result<hm::client::ApiResponse> r) {
                       m_busy = false;
                       if (!r) {
                           // The form keeps what was typed, to correct it.
                           m_status = LocalizedText([=]() -> QString {
                               return describeOperationsError(r.error(),
                                                              tr("save the mail settings"));
                           });
                           updateState();
                           emit saved(false);
                           return;
                       }
                       m_settings = r.value().data.toObject();
                       m_status = LocalizedText([=]() -> QString { return tr("Saved."); });
                       fillForm();
                       emit saved(true);
                   }));
}

void MailSettingsTab::sendTest()
{
    const QString to = m_testTo->text().trimmed();
    if (!m_client || !m_admin || to.isEmpty())
        return;
    m_busy = true;
    m_testResultLine->show([=]() -> QString { return tr("Sending…"); }, MessageLine::Kind::Lasting);
    updateState();
    // The test mail in the language the console speaks (LanguageManager
    // sets the default locale).
    const QLocale locale;
    const QString language = locale.language() != QLocale::Chinese ? QStringLiteral("en")
                             : locale.script() == QLocale::TraditionalChineseScript ||
                                     locale.territory() == QLocale::Taiwan
                                 ? QStringLiteral("zh-TW")
                                 : QStringLiteral("zh-CN");
    m_client->send(
        hm::client::ApiRequest::post(
            QStringLiteral("/api/v1/system/mail/test"),
            QJsonObject{{QStringLiteral("to"), to}, {QStringLiteral("language"), language}}),
        hm::client::within(this, [this, to](Result<hm::client::ApiResponse> r) {
            m_busy = false;
            bool sent = false;
            if (!r) {
                m_testResultLine->show(
                    [=]() -> QString {
                        return describeOperationsError(r.error(), tr("send the test e-mail"));
                    },
                    MessageLine::Kind::Lasting);
            } else {
                const QJsonObject outcome = r.value().data.toObject();
                sent = outcome.value(QStringLiteral("success")).toBool();
                m_testResultLine->show(
                    [=]() -> QString {
                        return sent ? tr("Sent to %1. Check that mailbox.").arg(to)
                                    : tr("Not sent: %1")
                                          .arg(outcome.value(QStringLiteral("error")).toString());
                    },
                    MessageLine::Kind::Lasting);
            }
            updateState();
            emit tested(sent);
        }));
}

void MailSettingsTab::updateState()
{
    const bool editable = m_admin && m_client && !m_busy;
    for (QWidget *w : {static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_port),
                       static_cast<QWidget *>(m_security), static_cast<QWidget *>(m_username),
                       static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_from),
                       static_cast<QWidget *>(m_publicUrl), static_cast<QWidget *>(m_testTo),
                       static_cast<QWidget *>(m_ca)})
        w->setEnabled(editable);
    const bool passwordSet =
        m_settings.value(QStringLiteral("password_set")).toBool() && !m_clearPassword;
    m_clear->setEnabled(editable && passwordSet);
    m_save->setEnabled(editable && !changes().isEmpty() && m_ca->problem().isEmpty());
    m_sendTest->setEnabled(editable && m_settings.value(QStringLiteral("configured")).toBool() &&
                           m_testTo->text().contains(u'@'));
    m_readOnlyNote->setVisible(!m_admin);
    m_statusLabel->setText(m_status.toString());
    m_passwordState->setText(passwordSet ? tr("A password is set.") : tr("No password set."));
    m_password->setPlaceholderText(passwordSet ? tr("type to replace it")
                                               : tr("only when the server asks for a sign-in"));
}

void MailSettingsTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void MailSettingsTab::retranslate()
{
    m_readOnlyNote->setText(tr("Only administrators see and change the mail settings."));
    m_serverGroup->setTitle(tr("SMTP server for account e-mail"));
    m_hostCaption->setText(tr("Host"));
    m_host->setPlaceholderText(tr("smtp.example.com; empty: the server sends no e-mail"));
    m_portCaption->setText(tr("Port"));
    m_securityCaption->setText(tr("Security"));
    m_security->setItemText(0, tr("STARTTLS"));
    m_security->setItemText(1, tr("TLS"));
    m_security->setItemText(2, tr("None (trusted network only)"));
    m_usernameCaption->setText(tr("User name"));
    m_passwordCaption->setText(tr("Password"));
    m_clear->setText(tr("Clear"));
    m_fromCaption->setText(tr("From address"));
    m_from->setPlaceholderText(tr("hivemind@example.com"));
    m_publicUrlCaption->setText(tr("Public URL"));
    m_publicUrl->setPlaceholderText(
        tr("optional: links in the mails; else the mails carry a code"));
    m_caCaption->setText(tr("CA certificate"));
    m_save->setText(tr("Save"));
    m_testGroup->setTitle(tr("Test"));
    m_testCaption->setText(tr("Send a test e-mail to"));
    m_testTo->setPlaceholderText(tr("you@example.com"));
    m_sendTest->setText(tr("Send Test"));
    updateState();
}

} // namespace hm::app
