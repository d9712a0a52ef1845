#include "fleet/AlertChannelDialog.h"

#include "client/AlertsApi.h"
#include "client/Within.h"
#include "widgets/AdminText.h"
#include "widgets/ClipboardGuard.h"
#include "widgets/FieldError.h"
#include "widgets/Retranslate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
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
constexpr int kSubmissionPort = 587;
constexpr int kSmtpsPort = 465;

QString channelField(const char *name)
{
    return QStringLiteral("alerts.channel.") + QLatin1String(name);
}

QStringList addressesIn(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,;]")))) {
        if (!part.trimmed().isEmpty())
            out.append(part.trimmed());
    }
    return out;
}

bool looksLikeAddress(const QString &address)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$"));
    return pattern.match(address).hasMatch();
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
    load(channel);
    retranslateUi();
}

AlertChannelDialog::~AlertChannelDialog()
{
    // The typed secrets leave no copy in the fields' buffers.
    for (QLineEdit *secret : {m_secret, m_password}) {
        secret->setText(QString(secret->text().size(), QLatin1Char(' ')));
        secret->clear();
    }
}

void AlertChannelDialog::build()
{
    setObjectName(QStringLiteral("alerts.channelDialog"));
    setMinimumWidth(580);
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(channelField("intro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    const auto row = [this](QFormLayout *form, QLabel **label, QWidget *field, QWidget *buddy,
                            QLabel **error, const char *name) {
        *label = new QLabel(this);
        (*label)->setBuddy(buddy);
        form->addRow(*label, field);
        if (error) {
            *error = createFieldError(this, channelField(name) + QStringLiteral("Error"));
            form->addRow(nullptr, *error);
            linkFieldError(*error, buddy);
        }
    };
    const auto line = [this](const char *name, int maxLength) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(channelField(name));
        edit->setMaxLength(maxLength);
        connect(edit, &QLineEdit::textChanged, this, &AlertChannelDialog::validate);
        return edit;
    };
    const auto inRow = [this](std::initializer_list<QWidget *> widgets, int stretchAt) {
        auto *box = new QWidget(this);
        auto *boxLayout = new QHBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        int i = 0;
        for (QWidget *w : widgets)
            boxLayout->addWidget(w, i++ == stretchAt ? 1 : 0);
        return box;
    };

    // One form for both types (aligned labels); the rows of the type not
    // chosen are hidden.
    m_form = new QFormLayout();
    QFormLayout *form = m_form;
    m_type = new QComboBox(this);
    m_type->setObjectName(channelField("type"));
    m_type->addItem(QString(), QStringLiteral("webhook"));
    m_type->addItem(QString(), QStringLiteral("email"));
    row(form, &m_typeLabel, m_type, m_type, nullptr, "type");
    m_name = line("name", kMaxChannelName);
    row(form, &m_nameLabel, m_name, m_name, &m_nameError, "name");

    m_url = line("url", kMaxUrl);
    row(form, &m_urlLabel, m_url, m_url, &m_urlError, "url");
    m_secret = line("secret", kMaxSecret);
    m_secret->setEchoMode(QLineEdit::Password);
    m_generate = new QPushButton(this);
    m_generate->setObjectName(channelField("generate"));
    m_copy = new QPushButton(this);
    m_copy->setObjectName(channelField("copy"));
    m_copy->setEnabled(false);
    // A typed secret is hidden as it is typed; shown, it can be checked,
    // selected and copied like a generated one.
    m_reveal = new QPushButton(this);
    m_reveal->setObjectName(channelField("reveal"));
    m_reveal->setCheckable(true);
    QWidget *secretRow = inRow({m_secret, m_reveal, m_generate, m_copy}, 0);
    row(form, &m_secretLabel, secretRow, m_secret, &m_secretError, "secret");
    m_webhookRows = {m_url, secretRow};

    m_host = line("smtpHost", 253);
    row(form, &m_hostLabel, m_host, m_host, &m_hostError, "smtpHost");
    m_port = new QSpinBox(this);
    m_port->setObjectName(channelField("smtpPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(kSubmissionPort);
    m_port->setMinimumWidth(90);
    m_security = new QComboBox(this);
    m_security->setObjectName(channelField("security"));
    for (const char *mode : {"starttls", "tls", "none"})
        m_security->addItem(QString(), QLatin1String(mode));
    QWidget *securityRow = inRow({m_security, m_port}, 0);
    row(form, &m_securityLabel, securityRow, m_security, nullptr, "security");
    m_user = line("username", 256);
    row(form, &m_userLabel, m_user, m_user, nullptr, "username");
    m_password = line("password", kMaxSecret);
    m_password->setEchoMode(QLineEdit::Password);
    row(form, &m_passwordLabel, m_password, m_password, &m_passwordError, "password");
    m_from = line("from", 254);
    row(form, &m_fromLabel, m_from, m_from, &m_fromError, "from");
    m_to = line("to", 4000);
    row(form, &m_toLabel, m_to, m_to, &m_toError, "to");
    m_ca = new QPlainTextEdit(this);
    m_ca->setObjectName(channelField("caPem"));
    m_ca->setFixedHeight(64);
    m_ca->setTabChangesFocus(true);
    connect(m_ca, &QPlainTextEdit::textChanged, this, &AlertChannelDialog::validate);
    row(form, &m_caLabel, m_ca, m_ca, &m_caError, "caPem");
    // The language the server writes the messages in; each named in
    // itself, as the console's own language choice does.
    m_language = new QComboBox(this);
    m_language->setObjectName(channelField("language"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("繁體中文"), QStringLiteral("zh-TW"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh-CN"));
    row(form, &m_languageLabel, m_language, m_language, nullptr, "language");
    // "A user name needs its password" answers the typing of a user name.
    linkFieldError(m_passwordError, m_user);
    m_emailRows = {m_host, securityRow, m_user, m_password, m_from, m_to, m_ca, m_language};
    layout->addLayout(form);

    m_enabled = new QCheckBox(this);
    m_enabled->setObjectName(channelField("enabled"));
    layout->addWidget(m_enabled);
    m_error = createFieldError(this, channelField("error"));
    layout->addWidget(m_error);
    layout->addStretch();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(channelField("save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(channelField("cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AlertChannelDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    showChecksOnBlockedAccept(this, m_buttons->button(QDialogButtonBox::Save));

    connect(m_type, &QComboBox::currentIndexChanged, this, &AlertChannelDialog::showType);
    showType();
    connect(m_security, &QComboBox::currentIndexChanged, this,
            &AlertChannelDialog::securityChanged);
    connect(m_port, &QSpinBox::valueChanged, this, &AlertChannelDialog::validate);
    connect(m_language, &QComboBox::currentIndexChanged, this, &AlertChannelDialog::validate);
    connect(m_enabled, &QCheckBox::toggled, this, &AlertChannelDialog::validate);
    connect(m_generate, &QPushButton::clicked, this, &AlertChannelDialog::generateSecret);
    connect(m_reveal, &QPushButton::toggled, this, [this](bool shown) {
        m_secret->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        retranslateUi();
    });
    connect(m_copy, &QPushButton::clicked, this,
            [this] { ClipboardGuard::copySecret(m_secret->text()); });
}

void AlertChannelDialog::showType()
{
    const bool email = type() == QLatin1String("email");
    for (QWidget *field : std::as_const(m_webhookRows))
        m_form->setRowVisible(field, !email);
    for (QWidget *field : std::as_const(m_emailRows))
        m_form->setRowVisible(field, email);
    // The other type's faults go with its fields.
    for (QLabel *error : {m_urlError, m_secretError, m_hostError, m_passwordError, m_fromError,
                          m_toError, m_caError})
        setFieldError(error, {});
    retranslateUi();
}

void AlertChannelDialog::load(const client::AlertChannelRow &channel)
{
    m_type->setCurrentIndex(std::max(0, m_type->findData(channel.type)));
    m_type->setEnabled(false); // a channel keeps its type
    m_name->setText(channel.name);
    m_enabled->setChecked(channel.enabled);
    const QJsonObject &c = channel.config;
    m_url->setText(channel.url());
    m_host->setText(c.value(QStringLiteral("smtp_host")).toString());
    m_security->setCurrentIndex(
        std::max(0, m_security->findData(c.value(QStringLiteral("security")).toString())));
    m_port->setValue(c.value(QStringLiteral("smtp_port")).toInt(kSubmissionPort));
    m_user->setText(c.value(QStringLiteral("username")).toString());
    m_from->setText(c.value(QStringLiteral("from")).toString());
    QStringList to;
    for (const QJsonValue v : c.value(QStringLiteral("to")).toArray())
        to.append(v.toString());
    m_to->setText(to.join(QStringLiteral(", ")));
    m_ca->setPlainText(c.value(QStringLiteral("ca_pem")).toString());
    m_language->setCurrentIndex(std::max(
        0,
        m_language->findData(c.value(QStringLiteral("language")).toString(QStringLiteral("en")))));
}

QString AlertChannelDialog::type() const
{
    return m_type->currentData().toString();
}

QJsonObject AlertChannelDialog::settings() const
{
    if (type() != QLatin1String("email"))
        return {{QStringLiteral("url"), m_url->text().trimmed()}};
    QJsonObject s{{QStringLiteral("smtp_host"), m_host->text().trimmed()},
                  {QStringLiteral("smtp_port"), m_port->value()},
                  {QStringLiteral("security"), m_security->currentData().toString()},
                  {QStringLiteral("username"), m_user->text().trimmed()},
                  {QStringLiteral("from"), m_from->text().trimmed()},
                  {QStringLiteral("to"), QJsonArray::fromStringList(addressesIn(m_to->text()))},
                  {QStringLiteral("language"), m_language->currentData().toString()}};
    const QString ca = m_ca->toPlainText().trimmed();
    if (!ca.isEmpty())
        s.insert(QStringLiteral("ca_pem"), QString(ca + u'\n'));
    return s;
}

client::AlertChannelChange AlertChannelDialog::change() const
{
    client::AlertChannelChange c;
    c.type = type();
    const QString name = m_name->text().trimmed();
    if (!m_editing || name != m_channel.name)
        c.name = name;
    if (!m_editing || m_enabled->isChecked() != m_channel.enabled)
        c.enabled = m_enabled->isChecked();
    QJsonObject now = settings();
    QJsonObject stored = m_channel.config;
    if (type() == QLatin1String("email") && !now.contains(QStringLiteral("ca_pem")) &&
        stored.contains(QStringLiteral("ca_pem")))
        now.insert(QStringLiteral("ca_pem"), QJsonValue()); // cleared: the system's CAs
    bool settingsChanged = !m_editing;
    for (auto it = now.constBegin(); it != now.constEnd() && !settingsChanged; ++it)
        settingsChanged = stored.value(it.key()) != it.value();
    if (settingsChanged)
        c.config = now;
    const QString secret = type() == QLatin1String("email") ? m_password->text() : m_secret->text();
    if (!secret.isEmpty())
        c.secret = secret;
    return c;
}

void AlertChannelDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void AlertChannelDialog::retranslateUi()
{
    const bool email = type() == QLatin1String("email");
    setWindowTitle(m_editing ? tr("Edit channel") : tr("New channel"));
    m_intro->setText(
        email ? tr("Each alert that fires or resolves is mailed to the recipients through your "
                   "SMTP server, over STARTTLS or TLS unless you choose otherwise, and tried "
                   "again for a while when the server is unavailable.")
              : tr("Each alert that fires or resolves is posted to the URL as JSON, signed with "
                   "the secret (the X-HiveMind-Signature header, HMAC-SHA256), and tried again "
                   "for a while when the receiver does not answer."));
    m_typeLabel->setText(tr("&Type:"));
    m_type->setItemText(0, tr("Webhook"));
    m_type->setItemText(1, tr("E-mail"));
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
    m_reveal->setText(m_reveal->isChecked() ? tr("Hide") : tr("Show"));
    m_reveal->setToolTip(tr("Shows the secret so that you can check and select it."));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copies the secret; the clipboard is cleared after 30 seconds."));
    m_hostLabel->setText(tr("SMTP &server:"));
    m_port->setPrefix(tr("Port "));
    m_host->setPlaceholderText(tr("For example %1").arg(QStringLiteral("smtp.example.com")));
    m_port->setToolTip(tr("587 for STARTTLS, 465 for TLS."));
    m_securityLabel->setText(tr("Se&curity:"));
    m_security->setItemText(0, tr("STARTTLS (recommended)"));
    m_security->setItemText(1, tr("TLS"));
    m_security->setItemText(2, tr("None: only for a relay on a trusted network"));
    m_userLabel->setText(tr("User na&me:"));
    m_user->setPlaceholderText(tr("Optional: no sign-in when empty"));
    m_passwordLabel->setText(tr("&Password:"));
    m_password->setPlaceholderText(m_editing && m_channel.secretSet
                                       ? tr("Unchanged; type to replace it")
                                       : tr("The SMTP user's password"));
    m_password->setToolTip(tr("Stored sealed and never shown again."));
    m_fromLabel->setText(tr("&From:"));
    m_from->setPlaceholderText(tr("For example %1").arg(QStringLiteral("alerts@example.com")));
    m_toLabel->setText(tr("&To:"));
    m_to->setPlaceholderText(tr("Addresses, separated by commas"));
    m_caLabel->setText(tr("Trusted C&A:"));
    m_ca->setPlaceholderText(tr("Optional: the PEM certificate of a private CA the SMTP "
                                "server's certificate is signed by"));
    m_languageLabel->setText(tr("&Language:"));
    m_language->setToolTip(tr("The language of the messages' subject and text."));
    m_enabled->setText(tr("&Enabled"));
    m_buttons->button(QDialogButtonBox::Save)->setText(m_editing ? tr("Save") : tr("Create"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    validate();
}

void AlertChannelDialog::securityChanged()
{
    // The usual port of the mode, unless the user chose another.
    const QString mode = m_security->currentData().toString();
    if (mode == QLatin1String("tls") && m_port->value() == kSubmissionPort)
        m_port->setValue(kSmtpsPort);
    else if (mode == QLatin1String("starttls") && m_port->value() == kSmtpsPort)
        m_port->setValue(kSubmissionPort);
    validate();
}

void AlertChannelDialog::generateSecret()
{
    static const QString alphabet =
        QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789");
    QString secret;
    for (int i = 0; i < kGeneratedSecret; ++i)
        secret.append(alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size()))));
    m_reveal->setChecked(true);
    m_secret->setText(secret);
}

void AlertChannelDialog::validate()
{
    if (!m_buttons)
        return;
    const QString name = m_name->text().trimmed();
    setFieldCheck(m_nameError, name.isEmpty() ? tr("A channel needs a name.") : QString());
    bool ok = !name.isEmpty();
    if (type() == QLatin1String("email")) {
        const bool hostOk = !m_host->text().trimmed().isEmpty();
        const QString from = m_from->text().trimmed();
        const QStringList to = addressesIn(m_to->text());
        const bool fromOk = looksLikeAddress(from);
        bool toOk = !to.isEmpty() && to.size() <= 20;
        for (const QString &address : to)
            toOk = toOk && looksLikeAddress(address);
        const bool needsPassword = !m_user->text().trimmed().isEmpty() &&
                                   !(m_editing && m_channel.secretSet) &&
                                   m_password->text().isEmpty();
        const QString ca = m_ca->toPlainText().trimmed();
        const bool caOk = ca.isEmpty() || ca.contains(QLatin1String("-----BEGIN CERTIFICATE-----"));
        // An empty required field says so too: once touched, or when Save
        // is pressed on the unfinished form.
        setFieldCheck(m_hostError, hostOk ? QString() : tr("The SMTP server's host name."));
        setFieldCheck(m_fromError, fromOk ? QString() : tr("One e-mail address."));
        setFieldCheck(m_toError,
                      toOk ? QString() : tr("1 to 20 e-mail addresses, separated by commas."));
        setFieldCheck(m_passwordError,
                      needsPassword ? tr("A user name needs its password.") : QString());
        setFieldCheck(m_caError, caOk ? QString()
                                      : tr("A PEM certificate (-----BEGIN "
                                           "CERTIFICATE-----)."));
        ok = ok && hostOk && fromOk && toOk && !needsPassword && caOk;
    } else {
        const QString urlText = m_url->text().trimmed();
        const QUrl url(urlText, QUrl::StrictMode);
        const bool urlOk =
            !urlText.isEmpty() && url.isValid() && !url.host().isEmpty() &&
            (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
        setFieldCheck(m_urlError, urlOk ? QString() : tr("An http:// or https:// address."));
        const int secretLength = int(m_secret->text().size());
        const bool secretNeeded = !m_editing || secretLength > 0;
        const bool secretOk =
            !secretNeeded || (secretLength >= kMinSecret && secretLength <= kMaxSecret);
        setFieldCheck(m_secretError,
                      secretOk ? QString()
                               : tr("%1 to %2 characters.").arg(kMinSecret).arg(kMaxSecret));
        m_copy->setEnabled(secretLength > 0);
        m_reveal->setEnabled(secretLength > 0 || m_reveal->isChecked());
        ok = ok && urlOk && secretOk;
    }
    const client::AlertChannelChange c = change();
    const bool changed = !m_editing || c.name || c.config || c.enabled || c.secret;
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(ok && changed && !m_sending);
}

void AlertChannelDialog::submit()
{
    QPushButton *save = m_buttons->button(QDialogButtonBox::Save);
    if (!m_client || m_sending || !save->isEnabled())
        return;
    m_sending = true;
    save->setEnabled(false);
    for (QLabel *error : {m_nameError, m_urlError, m_secretError, m_hostError, m_passwordError,
                          m_fromError, m_toError, m_caError, m_error})
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
    const QHash<QString, QLabel *> at{
        {QStringLiteral("name"), m_nameError},      {QStringLiteral("url"), m_urlError},
        {QStringLiteral("secret"), m_secretError},  {QStringLiteral("smtp_host"), m_hostError},
        {QStringLiteral("smtp_port"), m_hostError}, {QStringLiteral("password"), m_passwordError},
        {QStringLiteral("from"), m_fromError},      {QStringLiteral("to"), m_toError},
        {QStringLiteral("ca_pem"), m_caError}};
    setLocalizedFieldRefusal(at.value(AdminText::errorField(error), m_error),
                             [error] { return AdminText::error(error, QStringLiteral("admin")); });
}

} // namespace hm::app
