#include "fleet/AlertChannelDialog.h"

#include "admin/AdminText.h"
#include "admin/ClipboardGuard.h"
#include "client/AlertsApi.h"
#include "client/Within.h"
#include "widgets/FieldError.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QUrl>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// The server's limits (docs/api.md "Alerts", channels).
constexpr int kMaxChannelName = 100;
constexpr int kMaxUrl = 2048;
constexpr int kMinSecret = 16;
constexpr int kMaxSecret = 256;
constexpr int kGeneratedSecret = 40;

QString channelField(const char *name)
{
    return QStringLiteral("alerts.channel.") + QLatin1String(name);
}

} // namespace

AlertChannelDialog::AlertChannelDialog(client::ApiClient *client, QWidget *parent)
    : QDialog(parent), m_client(client)
{
    build();
    m_enabled->setChecked(true);
    retranslateUi();
}

AlertChannelDialog::AlertChannelDialog(client::ApiClient *client,
                                       const client::AlertChannelRow &channel, QWidget *parent)
    : QDialog(parent), m_client(client), m_channel(channel), m_editing(true)
{
    build();
    m_name->setText(channel.name);
    m_url->setText(channel.url);
    m_enabled->setChecked(channel.enabled);
    retranslateUi();
}

AlertChannelDialog::~AlertChannelDialog()
{
    // The typed secret leaves no copy in the field's buffer.
    m_secret->setText(QString(m_secret->text().size(), QLatin1Char(' ')));
    m_secret->clear();
}

void AlertChannelDialog::build()
{
    setObjectName(QStringLiteral("alerts.channelDialog"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(channelField("intro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *form = new QFormLayout();
    const auto row = [&](QLabel **label, QWidget *field, QWidget *buddy, QLabel **error,
                         const char *name) {
        *label = new QLabel(this);
        (*label)->setBuddy(buddy);
        form->addRow(*label, field);
        *error = createFieldError(this, channelField(name) + QStringLiteral("Error"));
        form->addRow(nullptr, *error);
    };
    m_name = new QLineEdit(this);
    m_name->setObjectName(channelField("name"));
    m_name->setMaxLength(kMaxChannelName);
    row(&m_nameLabel, m_name, m_name, &m_nameError, "name");
    m_url = new QLineEdit(this);
    m_url->setObjectName(channelField("url"));
    m_url->setMaxLength(kMaxUrl);
    row(&m_urlLabel, m_url, m_url, &m_urlError, "url");
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(channelField("secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setMaxLength(kMaxSecret);
    m_generate = new QPushButton(this);
    m_generate->setObjectName(channelField("generate"));
    m_copy = new QPushButton(this);
    m_copy->setObjectName(channelField("copy"));
    m_copy->setEnabled(false);
    auto *secretRow = new QWidget(this);
    auto *secretLayout = new QHBoxLayout(secretRow);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    secretLayout->addWidget(m_secret, 1);
    secretLayout->addWidget(m_generate);
    secretLayout->addWidget(m_copy);
    row(&m_secretLabel, secretRow, m_secret, &m_secretError, "secret");
    m_enabled = new QCheckBox(this);
    m_enabled->setObjectName(channelField("enabled"));
    form->addRow(nullptr, m_enabled);
    layout->addLayout(form);
    m_error = createFieldError(this, channelField("error"));
    layout->addWidget(m_error);
    layout->addStretch();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(channelField("save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(channelField("cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AlertChannelDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    for (QLineEdit *edit : {m_name, m_url, m_secret})
        connect(edit, &QLineEdit::textChanged, this, &AlertChannelDialog::validate);
    connect(m_enabled, &QCheckBox::toggled, this, &AlertChannelDialog::validate);
    connect(m_generate, &QPushButton::clicked, this, &AlertChannelDialog::generateSecret);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { ClipboardGuard::copySecret(m_secret->text()); });
}

client::AlertChannelChange AlertChannelDialog::change() const
{
    client::AlertChannelChange c;
    const QString name = m_name->text().trimmed();
    const QString url = m_url->text().trimmed();
    if (!m_editing || name != m_channel.name)
        c.name = name;
    if (!m_editing || url != m_channel.url)
        c.url = url;
    if (!m_editing || m_enabled->isChecked() != m_channel.enabled)
        c.enabled = m_enabled->isChecked();
    if (!m_secret->text().isEmpty()) {
        c.secret = m_secret->text();
        c.url = url; // the secret travels in the config, with its URL
    }
    return c;
}

void AlertChannelDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AlertChannelDialog::retranslateUi()
{
    setWindowTitle(m_editing ? tr("Edit channel") : tr("New webhook channel"));
    m_intro->setText(
        tr("Each alert that fires or resolves is posted to the URL as JSON, signed with the "
           "secret (the X-HiveMind-Signature header, HMAC-SHA256), and tried again for a while "
           "when the receiver does not answer."));
    m_nameLabel->setText(tr("&Name:"));
    m_urlLabel->setText(tr("&URL:"));
    m_url->setPlaceholderText(
        tr("For example %1").arg(QStringLiteral("https://hooks.example.com/hivemind")));
    m_secretLabel->setText(tr("&Secret:"));
    m_secret->setPlaceholderText(m_editing
                                     ? tr("Unchanged; type to replace it")
                                     : tr("%1 to %2 characters").arg(kMinSecret).arg(kMaxSecret));
    m_secret->setToolTip(tr("The receiver checks each message's signature with it. It is "
                            "stored sealed and never shown again."));
    m_generate->setText(tr("Generate"));
    m_generate->setToolTip(tr("A random secret, shown so that you can give it to the receiver."));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copies the secret; the clipboard is cleared after 30 seconds."));
    m_enabled->setText(tr("&Enabled"));
    m_buttons->button(QDialogButtonBox::Save)->setText(m_editing ? tr("Save") : tr("Create"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    validate();
}

void AlertChannelDialog::generateSecret()
{
    static const QString alphabet =
        QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789");
    QString secret;
    for (int i = 0; i < kGeneratedSecret; ++i)
        secret.append(alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size()))));
    m_secret->setEchoMode(QLineEdit::Normal);
    m_secret->setText(secret);
}

void AlertChannelDialog::validate()
{
    if (!m_buttons)
        return;
    const QString name = m_name->text().trimmed();
    setFieldError(m_nameError, name.isEmpty() ? tr("A channel needs a name.") : QString());
    const QString urlText = m_url->text().trimmed();
    const QUrl url(urlText, QUrl::StrictMode);
    const bool urlOk =
        !urlText.isEmpty() && url.isValid() && !url.host().isEmpty() &&
        (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
    setFieldError(m_urlError,
                  urlText.isEmpty() || urlOk ? QString() : tr("An http:// or https:// address."));
    const int secretLength = int(m_secret->text().size());
    const bool secretNeeded = !m_editing || secretLength > 0;
    const bool secretOk =
        !secretNeeded || (secretLength >= kMinSecret && secretLength <= kMaxSecret);
    setFieldError(m_secretError, secretLength > 0 && !secretOk
                                     ? tr("%1 to %2 characters.").arg(kMinSecret).arg(kMaxSecret)
                                     : QString());
    m_copy->setEnabled(secretLength > 0 && m_secret->echoMode() == QLineEdit::Normal);
    const client::AlertChannelChange c = change();
    const bool changed = !m_editing || c.name || c.url || c.enabled || c.secret;
    m_buttons->button(QDialogButtonBox::Save)
        ->setEnabled(!name.isEmpty() && urlOk && secretOk && changed && !m_sending);
}

void AlertChannelDialog::submit()
{
    QPushButton *save = m_buttons->button(QDialogButtonBox::Save);
    if (!m_client || m_sending || !save->isEnabled())
        return;
    m_sending = true;
    save->setEnabled(false);
    for (QLabel *error : {m_nameError, m_urlError, m_secretError, m_error})
        setFieldError(error, {});
    auto done = client::within(this, [this](Result<client::AlertChannelRow> r) {
        m_sending = false;
        if (!r) {
            validate();
            showError(r.error());
            return;
        }
        m_channel = *r;
        accept();
    });
    client::AlertsApi api(*m_client);
    if (m_editing)
        api.updateChannel(m_channel.id, change(), std::move(done));
    else
        api.createChannel(change(), std::move(done));
}

void AlertChannelDialog::showError(const hm::Error &error)
{
    const QHash<QString, QLabel *> at{{QStringLiteral("name"), m_nameError},
                                      {QStringLiteral("url"), m_urlError},
                                      {QStringLiteral("secret"), m_secretError}};
    setFieldError(at.value(AdminText::errorField(error), m_error),
                  AdminText::error(error, QStringLiteral("admin")));
}

} // namespace hm::app
