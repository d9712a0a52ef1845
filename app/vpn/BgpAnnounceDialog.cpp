#include "vpn/BgpAnnounceDialog.h"

#include "client/ApiError.h"
#include "client/BgpApi.h"
#include "client/Within.h"
#include "vpn/WgText.h"
#include "widgets/FieldError.h"
#include "widgets/Retranslate.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hm::app {

namespace {
constexpr int kAnnouncementDescriptionMax = 256; // the server's limit
} // namespace

BgpAnnounceDialog::BgpAnnounceDialog(client::ApiClient *api, const QString &role,
                                     QWidget *parent)
    : QDialog(parent), m_api(api), m_role(role)
{
    setObjectName(QStringLiteral("vpn.bgp.announcements.dialog"));
    setMinimumWidth(480);
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_prefix = new QLineEdit(this);
    m_prefix->setObjectName(QStringLiteral("vpn.bgp.announcements.prefix"));
    addFieldRow(form, &m_prefixLabel, m_prefix, &m_prefixError,
                QStringLiteral("vpn.bgp.announcements.prefixError"));
    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("vpn.bgp.announcements.description"));
    m_description->setMaxLength(kAnnouncementDescriptionMax);
    addFieldRow(form, &m_descriptionLabel, m_description, &m_descriptionError,
                QStringLiteral("vpn.bgp.announcements.descriptionError"));
    layout->addLayout(form);
    m_error = createFieldError(this, QStringLiteral("vpn.bgp.announcements.error"));
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setObjectName(QStringLiteral("vpn.bgp.announcements.save"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &BgpAnnounceDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_prefix, &QLineEdit::textChanged, this, [this] {
        m_refused = false; // a new prefix: the old refusal no longer applies
        validate();
    });
    retranslateUi();
}

QString BgpAnnounceDialog::prefixProblem(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype slash = trimmed.indexOf(u'/');
    if (slash < 0)
        return tr("Add the prefix length, e.g. 198.51.100.0/24 or 2001:db8:100::/40.");
    QHostAddress address;
    if (!address.setAddress(trimmed.left(slash)))
        return tr("\"%1\" is not an IPv4 or IPv6 address.").arg(trimmed.left(slash));
    const auto [network, length] = QHostAddress::parseSubnet(trimmed);
    if (network.isNull() || length < 0)
        return tr("The prefix length must be 0 to %1.")
            .arg(address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128);
    // The same test as the server's: the address is the network itself.
    if (address != network)
        return tr("Host bits are set past /%1: the network is %2/%1.")
            .arg(length)
            .arg(network.toString());
    return {};
}

void BgpAnnounceDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void BgpAnnounceDialog::retranslateUi()
{
    setWindowTitle(tr("Announce prefix"));
    m_intro->setText(tr("BIRD announces the prefix on every BGP session, besides the active "
                        "IPv6 pools' (those are announced automatically)."));
    m_prefixLabel->setText(tr("&Prefix:"));
    m_prefix->setPlaceholderText(tr("e.g. 198.51.100.0/24 or 2001:db8:100::/40"));
    m_descriptionLabel->setText(tr("&Description:"));
    m_description->setPlaceholderText(tr("Optional"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Announce"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    validate();
}

void BgpAnnounceDialog::validate()
{
    const QString text = m_prefix->text();
    const QString problem = text.trimmed().isEmpty() ? QString() : prefixProblem(text);
    setFieldError(m_prefixError, problem);
    setFieldError(m_descriptionError, {});
    setFieldError(m_error, {});
    if (m_refused) {
        const QString field = WgText::refusalField(m_refusal);
        QLabel *at = field == QLatin1String("prefix")        ? m_prefixError
                     : field == QLatin1String("description") ? m_descriptionError
                                                             : m_error;
        setFieldError(at, refusal(m_refusal));
    }
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!text.trimmed().isEmpty() && problem.isEmpty() && !m_sending);
}

QString BgpAnnounceDialog::refusal(const hm::Error &error) const
{
    if (error.code == ErrorCode::Conflict) {
        // The server's "prefix: announced already": its why, after the field.
        QString why = error.message;
        if (const qsizetype colon = why.indexOf(QStringLiteral(": ")); colon >= 0 && colon < 24)
            why = why.mid(colon + 2);
        return tr("Refused by the server (%1): this prefix is announced already, or it is an "
                  "active IPv6 pool's.")
            .arg(why);
    }
    return WgText::refusalText(error, m_role);
}

void BgpAnnounceDialog::submit()
{
    if (!m_api || m_sending || !m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    m_sending = true;
    m_refused = false;
    validate();
    client::BgpApi(*m_api).announce(
        m_prefix->text().trimmed(), m_description->text().trimmed(),
        client::within(this, [this](Result<client::BgpAnnouncement> r) {
            m_sending = false;
            if (!r) {
                m_refusal = r.error();
                m_refused = true;
                validate();
                return;
            }
            stored = *r;
            accept();
        }));
}

} // namespace hm::app
