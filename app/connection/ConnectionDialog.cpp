#include "connection/ConnectionDialog.h"

#include "client/ApiClient.h"
#include "connection/KeychainStore.h"
#include "widgets/MessageBox.h"
#include "widgets/ServerErrorText.h"
#include "widgets/Retranslate.h"

#include <QCheckBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSslSocket>
#include <QVBoxLayout>

namespace hm::app {

ConnectionDialog::ConnectionDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("connection.dialog"));
    setModal(true);
    m_client = new hm::client::ApiClient(this);
    m_client->setTimeoutMs(8000);

    m_nameLabel = new QLabel(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("connection.name"));
    m_urlLabel = new QLabel(this);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("connection.url"));
    m_url->setPlaceholderText(QStringLiteral("https://hivemind.example.com:8080"));
    m_verifyTls = new QCheckBox(this);
    m_verifyTls->setObjectName(QStringLiteral("connection.verifyTls"));
    m_verifyTls->setChecked(true);
    m_pinLabel = new QLabel(this);
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(QStringLiteral("connection.pin"));
    m_pinLabel->setBuddy(m_pin);
    m_profilesLabel = new QLabel(this);
    m_profiles = new QListWidget(this);
    m_profiles->setObjectName(QStringLiteral("connection.profiles"));
    m_profiles->setMaximumHeight(110);
    m_new = new QPushButton(this);
    m_new->setObjectName(QStringLiteral("connection.new"));
    m_remove = new QPushButton(this);
    m_remove->setObjectName(QStringLiteral("connection.remove"));
    m_remove->setEnabled(false);
    connect(m_profiles, &QListWidget::currentTextChanged, this, [this](const QString &name) {
        if (!name.isEmpty())
            editProfile(name);
    });
    connect(m_new, &QPushButton::clicked, this, &ConnectionDialog::startNew);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionDialog::removeProfile);
    m_fingerprintLabel = new QLabel(this);
    m_fingerprint = new QLabel(this);
    m_fingerprint->setObjectName(QStringLiteral("connection.fingerprint"));
    m_fingerprint->setWordWrap(true);
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("connection.status"));
    m_status->setWordWrap(true);
    m_nameLabel->setBuddy(m_name);
    m_urlLabel->setBuddy(m_url);

    auto *buttons = new QDialogButtonBox(this);
    m_check = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_check->setObjectName(QStringLiteral("connection.check"));
    m_save = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("connection.save"));
    m_save->setEnabled(false);
    m_cancel = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_cancel->setObjectName(QStringLiteral("connection.cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        const ServerProfile saved = profile();
        // Renamed while edited: the old name goes.
        if (!m_editing.isEmpty() && m_editing != saved.name) {
            const bool wasActive = ServerProfiles::activeName() == m_editing;
            ServerProfiles::remove(m_editing);
            if (wasActive)
                ServerProfiles::setActiveName(saved.name);
        }
        ServerProfiles::put(saved);
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_check, &QPushButton::clicked, this, &ConnectionDialog::check);
    const auto invalidate = [this] {
        m_checked = false;
        m_save->setEnabled(false);
    };
    connect(m_url, &QLineEdit::textChanged, this, invalidate);
    connect(m_verifyTls, &QCheckBox::toggled, this, invalidate);
    connect(m_pin, &QLineEdit::textChanged, this, invalidate);

    auto *profileButtons = new QVBoxLayout;
    profileButtons->addWidget(m_new);
    profileButtons->addWidget(m_remove);
    profileButtons->addStretch(1);
    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profiles, 1);
    profileRow->addLayout(profileButtons);

    auto *form = new QFormLayout;
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_urlLabel, m_url);
    form->addRow(QString(), m_verifyTls);
    form->addRow(m_pinLabel, m_pin);
    form->addRow(m_fingerprintLabel, m_fingerprint);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_profilesLabel);
    layout->addLayout(profileRow);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(560);
    reloadProfiles();
    retranslateUi();
}

void ConnectionDialog::reloadProfiles()
{
    const QSignalBlocker blocker(m_profiles);
    m_profiles->clear();
    for (const ServerProfile &p : ServerProfiles::load()) {
        auto *item = new QListWidgetItem(p.name, m_profiles);
        item->setToolTip(p.url.toString());
        if (p.name == m_editing)
            m_profiles->setCurrentItem(item);
    }
    m_remove->setEnabled(!m_editing.isEmpty());
}

void ConnectionDialog::editProfile(const QString &name)
{
    const auto saved = ServerProfiles::find(name);
    if (!saved)
        return;
    m_editing = name;
    m_name->setText(saved->name);
    m_url->setText(saved->url.toString());
    m_verifyTls->setChecked(saved->verifyTls);
    m_pin->setText(saved->fingerprint);
    m_seenFingerprint.clear();
    m_fingerprint->setText(tr("Not checked yet"));
    m_status->clear();
    reloadProfiles();
    retranslateUi();
}

void ConnectionDialog::startNew()
{
    m_editing.clear();
    m_name->clear();
    m_url->clear();
    m_verifyTls->setChecked(true);
    m_pin->clear();
    m_seenFingerprint.clear();
    m_fingerprint->setText(tr("Not checked yet"));
    m_status->clear();
    reloadProfiles();
    retranslateUi();
    m_name->setFocus();
}

void ConnectionDialog::removeProfile()
{
    const auto saved = ServerProfiles::find(m_editing);
    if (!saved)
        return;
    if (!MessageBox::confirm(this, tr("Remove Server"),
                             tr("Remove the server “%1” (%2)? The sign-in kept for it is "
                                "forgotten too.")
                                 .arg(saved->name, saved->url.toString()),
                             tr("Remove"), QStringLiteral("connection.confirmRemove"),
                             MessageBox::Confirm::Destructive))
        return;
    ServerProfiles::remove(saved->name);
    // The session ServerConnection kept for that server (its sessionKey()).
    KeychainStore().removeSecret(
        QStringLiteral("session:") +
        saved->url.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash));
    startNew();
}

ServerProfile ConnectionDialog::profile() const
{
    ServerProfile profile;
    profile.name = m_name->text().trimmed();
    profile.url = QUrl::fromUserInput(m_url->text().trimmed());
    profile.verifyTls = m_verifyTls->isChecked();
    // An entered pin is the profile's; otherwise the certificate seen at
    // this check is remembered (trust on first use) and pinned from now on.
    const QString pin = hm::client::TlsPolicy::normalized(m_pin->text());
    profile.fingerprint = pin.isEmpty() ? m_seenFingerprint : pin;
    return profile;
}

QString ConnectionDialog::statusText() const
{
    return m_status->text();
}

void ConnectionDialog::check()
{
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    if (m_name->text().trimmed().isEmpty() || !url.isValid() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        finishCheck(false, tr("Enter a name and an http:// or https:// address."));
        return;
    }
    m_check->setEnabled(false);
    m_status->setText(tr("Checking…"));
    m_seenFingerprint.clear();
    m_fingerprint->setText(tr("None (plain HTTP)"));
    if (url.scheme() == QLatin1String("https"))
        readFingerprint();
    m_client->setBaseUrl(url);
    m_client->setTlsPolicy(hm::client::TlsPolicy{m_verifyTls->isChecked(), m_pin->text()});
    m_client->fetchHealth([this](hm::Result<hm::client::HealthInfo> health) {
        const QJsonObject details = health.ok() ? QJsonObject() : health.error().details;
        const QString tls = details.value(QStringLiteral("tls")).toString();
        if (tls == QLatin1String("fingerprint_mismatch")) {
            finishCheck(false,
                        tr("Refused: the server's certificate has the fingerprint %1, but %2 is "
                           "pinned for it. The certificate changed, or this is another server.")
                            .arg(details.value(QStringLiteral("actual")).toString(),
                                 details.value(QStringLiteral("expected")).toString()));
            return;
        }
        if (tls == QLatin1String("untrusted")) {
            QStringList errors;
            for (const QJsonValue &e : details.value(QStringLiteral("tls_errors")).toArray())
                errors.append(e.toString());
            finishCheck(false, tr("The server's TLS certificate is not trusted: %1. If you "
                                  "trust this server, pin its fingerprint or turn off "
                                  "verification.")
                                   .arg(errors.join(QStringLiteral("; "))));
            return;
        }
        if (!health.ok()) {
            finishCheck(false, tr("The server cannot be used: %1")
                                   .arg(describeServerError(health.error().codeName(),
                                                            health.error().message, {})));
            return;
        }
        const QString status = health.value().status;
        if (status == QLatin1String("healthy"))
            finishCheck(true, tr("The server answers and is healthy."));
        else if (status == QLatin1String("degraded"))
            finishCheck(true, tr("The server answers but reports a degraded state."));
        else
            finishCheck(true, tr("The server answers (status: %1).").arg(status));
    });
}

void ConnectionDialog::readFingerprint()
{
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    auto *socket = new QSslSocket(this);
    // Only to read the certificate: whether it is trusted is not asked here.
    socket->setPeerVerifyMode(QSslSocket::QueryPeer);
    const auto take = [this, socket] {
        const QSslCertificate certificate = socket->peerCertificate();
        if (!certificate.isNull()) {
            m_seenFingerprint =
                QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':'));
            QString remembered;
            for (const ServerProfile &p : ServerProfiles::load())
                if (p.name == m_name->text().trimmed())
                    remembered = p.fingerprint;
            m_fingerprint->setText(
                !remembered.isEmpty() && remembered != m_seenFingerprint
                    ? tr("%1 — differs from the one remembered for this profile (%2)")
                          .arg(m_seenFingerprint, remembered)
                    : m_seenFingerprint);
        }
        socket->deleteLater();
    };
    connect(socket, &QSslSocket::encrypted, this, take);
    connect(socket, &QSslSocket::sslErrors, this,
            [socket](const QList<QSslError> &) { socket->ignoreSslErrors(); });
    connect(socket, &QAbstractSocket::errorOccurred, socket, &QObject::deleteLater);
    socket->connectToHostEncrypted(url.host(), quint16(url.port(443)));
}

void ConnectionDialog::finishCheck(bool ok, const QString &text)
{
    m_check->setEnabled(true);
    m_checked = ok;
    m_save->setEnabled(ok);
    m_status->setText(text);
}

void ConnectionDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void ConnectionDialog::retranslateUi()
{
    setWindowTitle(m_editing.isEmpty() ? tr("Add Server") : tr("Edit Server"));
    m_profilesLabel->setText(tr("Saved servers:"));
    m_new->setText(tr("&New"));
    m_remove->setText(tr("&Remove…"));
    m_pinLabel->setText(tr("&Pinned fingerprint:"));
    m_pin->setPlaceholderText(tr("SHA-256, optional: remembered at the first check"));
    m_nameLabel->setText(tr("&Name:"));
    m_urlLabel->setText(tr("&Address:"));
    m_verifyTls->setText(tr("&Verify the server's TLS certificate"));
    m_fingerprintLabel->setText(tr("Certificate:"));
    if (m_fingerprint->text().isEmpty())
        m_fingerprint->setText(tr("Not checked yet"));
    m_check->setText(tr("C&heck"));
    m_save->setText(tr("&Save"));
    m_cancel->setText(tr("Cancel"));
}

} // namespace hm::app
