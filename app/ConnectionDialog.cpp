#include "ConnectionDialog.h"

#include "ServerErrorText.h"
#include "client/ApiClient.h"

#include <QCheckBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
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
        ServerProfiles::put(profile());
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

    auto *form = new QFormLayout;
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_urlLabel, m_url);
    form->addRow(QString(), m_verifyTls);
    form->addRow(m_fingerprintLabel, m_fingerprint);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    retranslateUi();
}

ServerProfile ConnectionDialog::profile() const
{
    ServerProfile profile;
    profile.name = m_name->text().trimmed();
    profile.url = QUrl::fromUserInput(m_url->text().trimmed());
    profile.verifyTls = m_verifyTls->isChecked();
    profile.fingerprint = m_seenFingerprint;
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
    m_client->fetchHealth([this](hm::Result<hm::client::HealthInfo> health) {
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
        retranslateUi();
    QDialog::changeEvent(event);
}

void ConnectionDialog::retranslateUi()
{
    setWindowTitle(tr("Add Server"));
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
