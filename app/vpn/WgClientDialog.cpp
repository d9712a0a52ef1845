#include "vpn/WgClientDialog.h"

#include "client/WireGuardApi.h"
#include "client/Within.h"
#include "vpn/WgAddressCheck.h"
#include "vpn/WgConfigView.h"
#include "vpn/WgConfirmBox.h"
#include "vpn/WgText.h"
#include "widgets/FieldError.h"
#include "widgets/Retranslate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace hm::app {

WgClientDialog::WgClientDialog(client::ApiClient *client, const client::WgServerRow &server,
                               const QString &role, QWidget *parent)
    : QDialog(parent), m_client(client), m_server(server), m_role(role)
{
    build();
}

WgClientDialog::WgClientDialog(client::ApiClient *client, const client::WgServerRow &server,
                               const client::WgClientRow &existing, const QString &role,
                               QWidget *parent)
    : QDialog(parent), m_client(client), m_server(server), m_existing(existing),
      m_editId(existing.id), m_role(role)
{
    build();
}

void WgClientDialog::build()
{
    setObjectName(QStringLiteral("vpn.clientDialog"));
    auto *outer = new QVBoxLayout(this);
    m_pages = new QStackedWidget(this);
    outer->addWidget(m_pages);

    auto *formPage = new QWidget(m_pages);
    // On the page, not the dialog: a dialog's own minimum keeps its layout
    // from growing it for the wider result page.
    formPage->setMinimumWidth(540);
    auto *layout = new QVBoxLayout(formPage);
    layout->setContentsMargins(0, 0, 0, 0);
    m_intro = new QLabel(formPage);
    m_intro->setObjectName(QStringLiteral("vpn.client.intro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto row = [&](const QString &field, QWidget *edit) {
        edit->setObjectName(QStringLiteral("vpn.client.") + field);
        QLabel *caption = nullptr;
        QLabel *error = nullptr;
        addFieldRow(form, &caption, edit, &error,
                    QStringLiteral("vpn.client.") + field + QStringLiteral("Error"));
        m_captions.insert(field, caption);
        m_errors.insert(field, error);
    };
    const auto line = [&](const QString &field, int maxLength) {
        auto *edit = new QLineEdit(formPage);
        edit->setMaxLength(maxLength);
        row(field, edit);
        connect(edit, &QLineEdit::textChanged, this, &WgClientDialog::validate);
        return edit;
    };
    m_name = line(QStringLiteral("name"), 64);
    m_family = new QComboBox(formPage);
    // Only the families the server has; its default is every one it has.
    if (isEditing()) {
        m_family->addItem(QString(), m_existing.addressFamily);
    } else {
        if (m_server.hasIpv4() && m_server.hasIpv6())
            m_family->addItem(QString(), QStringLiteral("dual"));
        if (m_server.hasIpv4())
            m_family->addItem(QString(), QStringLiteral("ipv4"));
        if (m_server.hasIpv6())
            m_family->addItem(QString(), QStringLiteral("ipv6"));
    }
    row(QStringLiteral("address_family"), m_family);
    connect(m_family, &QComboBox::currentIndexChanged, this, &WgClientDialog::validate);
    m_ipv4 = line(QStringLiteral("ipv4_address"), 64);
    m_ipv6 = line(QStringLiteral("ipv6_address"), 64);
    m_dns = line(QStringLiteral("dns_servers"), 512);
    m_keepalive = new QSpinBox(formPage);
    m_keepalive->setRange(0, 65535);
    m_keepalive->setGroupSeparatorShown(false);
    row(QStringLiteral("persistent_keepalive"), m_keepalive);
    auto *expiryRow = new QWidget(formPage);
    auto *expiryLayout = new QHBoxLayout(expiryRow);
    expiryLayout->setContentsMargins(0, 0, 0, 0);
    m_expires = new QCheckBox(expiryRow);
    m_expires->setObjectName(QStringLiteral("vpn.client.expires"));
    m_expiry = new QDateTimeEdit(QDateTime::currentDateTime().addDays(30), expiryRow);
    m_expiry->setObjectName(QStringLiteral("vpn.client.expiresAt"));
    m_expiry->setCalendarPopup(true);
    // ISO order in every language (some locales' AM/PM markers render badly).
    m_expiry->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_expiry->setEnabled(false);
    expiryLayout->addWidget(m_expires);
    expiryLayout->addWidget(m_expiry, 1);
    row(QStringLiteral("expires_at"), expiryRow);
    expiryRow->setObjectName(QStringLiteral("vpn.client.expiryRow"));
    connect(m_expires, &QCheckBox::toggled, m_expiry, &QWidget::setEnabled);
    connect(m_expires, &QCheckBox::toggled, this, &WgClientDialog::validate);
    connect(m_expiry, &QDateTimeEdit::dateTimeChanged, this, &WgClientDialog::validate);
    m_description = line(QStringLiteral("description"), 256);
    if (isEditing()) {
        m_enabled = new QCheckBox(formPage);
        row(QStringLiteral("enabled"), m_enabled);
        // The addresses stay: shown, not changed.
        m_family->setEnabled(false);
        m_ipv4->setReadOnly(true);
        m_ipv6->setReadOnly(true);
        m_name->setText(m_existing.name);
        m_ipv4->setText(m_existing.ipv4Address);
        m_ipv6->setText(m_existing.ipv6Address);
        m_dns->setText(m_existing.dnsServers.join(QStringLiteral(", ")));
        m_keepalive->setValue(m_existing.persistentKeepalive);
        if (m_existing.expiresAt.isValid()) {
            m_expiry->setDateTime(m_existing.expiresAt.toLocalTime());
            m_expires->setChecked(true);
        }
        m_description->setText(m_existing.description);
        m_enabled->setChecked(m_existing.enabled);
        m_confirm = new WgConfirmBox(QStringLiteral("vpn.client"), false, formPage);
        row(QStringLiteral("confirm_within_seconds"), m_confirm);
        m_confirm->setObjectName(QStringLiteral("vpn.client.confirmBox"));
    }
    layout->addLayout(form);
    m_error = createFieldError(formPage, QStringLiteral("vpn.client.error"));
    layout->addWidget(m_error);
    layout->addStretch();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, formPage);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("vpn.client.create"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("vpn.client.cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &WgClientDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    showChecksOnBlockedAccept(this, m_buttons->button(QDialogButtonBox::Ok));
    m_pages->addWidget(formPage);

    auto *resultPage = new QWidget(m_pages);
    auto *resultLayout = new QVBoxLayout(resultPage);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    m_resultTitle = new QLabel(resultPage);
    m_resultTitle->setObjectName(QStringLiteral("vpn.client.resultTitle"));
    m_resultTitle->setWordWrap(true);
    resultLayout->addWidget(m_resultTitle);
    m_result = new WgConfigView(resultPage);
    resultLayout->addWidget(m_result, 1);
    m_resultButtons = new QDialogButtonBox(QDialogButtonBox::Close, resultPage);
    m_resultButtons->button(QDialogButtonBox::Close)
        ->setObjectName(QStringLiteral("vpn.client.close"));
    connect(m_resultButtons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    resultLayout->addWidget(m_resultButtons);
    m_pages->addWidget(resultPage);
    retranslateUi();
}

QString WgClientDialog::family() const
{
    return m_family->currentData().toString();
}

client::WgClientChange WgClientDialog::change() const
{
    client::WgClientChange c;
    c.serverId = m_server.id;
    c.name = m_name->text().trimmed();
    c.addressFamily = family();
    const bool v4 = family() != QLatin1String("ipv6");
    const bool v6 = family() != QLatin1String("ipv4");
    // Explicit addresses only when given: else the lowest free ones.
    if (v4 && !m_ipv4->text().trimmed().isEmpty())
        c.ipv4Address = m_ipv4->text().trimmed();
    if (v6 && !m_ipv6->text().trimmed().isEmpty())
        c.ipv6Address = m_ipv6->text().trimmed();
    if (const QStringList dns = wgcheck::splitList(m_dns->text()); !dns.isEmpty())
        c.dnsServers = dns;
    if (m_keepalive->value() > 0)
        c.persistentKeepalive = m_keepalive->value();
    if (m_expires->isChecked())
        c.expiresAt = m_expiry->dateTime().toUTC();
    if (!m_description->text().trimmed().isEmpty())
        c.description = m_description->text().trimmed();
    return c;
}

client::WgClientChange WgClientDialog::editChange() const
{
    // Only what differs from the stored client.
    client::WgClientChange c;
    const QString name = m_name->text().trimmed();
    if (name != m_existing.name)
        c.name = name;
    const QStringList dns = wgcheck::splitList(m_dns->text());
    if (dns != m_existing.dnsServers)
        c.dnsServers = dns;
    if (m_keepalive->value() != m_existing.persistentKeepalive)
        c.persistentKeepalive = m_keepalive->value();
    const QDateTime expiry = m_expires->isChecked() ? m_expiry->dateTime().toUTC() : QDateTime();
    if (m_expires->isChecked() != m_existing.expiresAt.isValid()
        || (m_expires->isChecked() && m_expiry->dateTime() != m_existing.expiresAt.toLocalTime()))
        c.expiresAt = expiry;
    const QString description = m_description->text().trimmed();
    if (description != m_existing.description)
        c.description = description;
    if (m_enabled->isChecked() != m_existing.enabled)
        c.enabled = m_enabled->isChecked();
    return c;
}

void WgClientDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void WgClientDialog::retranslateUi()
{
    if (isEditing()) {
        setWindowTitle(tr("Edit WireGuard client"));
        m_intro->setText(tr("\"%1\", a client of \"%2\". Its keys and addresses stay as they "
                            "are.")
                             .arg(m_existing.name, m_server.name));
    } else {
        setWindowTitle(hasResult() ? tr("WireGuard client created")
                                   : tr("New WireGuard client"));
        m_intro->setText(tr("A client of \"%1\". The server makes its keys; addresses left "
                            "empty are the lowest free ones of the server's subnets.")
                             .arg(m_server.name));
    }
    const QHash<QString, QString> captions{
        {QStringLiteral("name"), tr("&Name:")},
        {QStringLiteral("address_family"), tr("Address &family:")},
        {QStringLiteral("ipv4_address"), tr("IPv&4 address:")},
        {QStringLiteral("ipv6_address"), tr("IPv&6 address:")},
        {QStringLiteral("dns_servers"), tr("&DNS servers:")},
        {QStringLiteral("persistent_keepalive"), tr("&Keepalive:")},
        {QStringLiteral("expires_at"), tr("E&xpiry:")},
        {QStringLiteral("description"), tr("D&escription:")},
        {QStringLiteral("enabled"), tr("Ena&bled:")},
        {QStringLiteral("confirm_within_seconds"), tr("Confirmation:")}};
    for (auto it = captions.begin(); it != captions.end(); ++it)
        if (QLabel *caption = m_captions.value(it.key()))
            caption->setText(it.value());
    if (m_enabled)
        m_enabled->setText(tr("The client may connect"));
    for (int i = 0; i < m_family->count(); ++i)
        m_family->setItemText(i, WgText::family(m_family->itemData(i).toString()));
    m_ipv4->setPlaceholderText(tr("Empty: the lowest free one of %1").arg(m_server.ipv4Address));
    m_ipv6->setPlaceholderText(tr("Empty: the lowest free one of %1").arg(m_server.ipv6Address));
    m_dns->setPlaceholderText(tr("Empty: the server's DNS servers"));
    m_keepalive->setSuffix(tr(" s"));
    m_keepalive->setSpecialValueText(tr("The server's"));
    m_expires->setText(tr("Expires"));
    m_description->setPlaceholderText(tr("Optional"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(isEditing() ? tr("Save") : tr("Create"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_resultButtons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    m_resultTitle->setText(tr("\"%1\" was created. Set up the device now: the server shows this "
                              "config once, and again only to an administrator.")
                               .arg(m_created.client.name));
    validate();
}

void WgClientDialog::validate()
{
    if (!m_buttons)
        return; // an edited client's values are still being filled in
    const bool v4 = !isEditing() && family() != QLatin1String("ipv6");
    const bool v6 = !isEditing() && family() != QLatin1String("ipv4");
    // A family the client does not take hides its address row; an edited
    // client's addresses are shown, never checked or sent.
    m_ipv4->setEnabled(isEditing() ? !m_existing.ipv4Address.isEmpty() : v4);
    m_ipv6->setEnabled(isEditing() ? !m_existing.ipv6Address.isEmpty() : v6);
    const QString ipv4 = m_ipv4->text().trimmed();
    const QString ipv6 = m_ipv6->text().trimmed();
    const QHash<QString, QString> problems{
        {QStringLiteral("name"),
         m_name->text().trimmed().isEmpty() ? tr("A client needs a name.") : QString()},
        {QStringLiteral("ipv4_address"),
         v4 && !ipv4.isEmpty() && !wgcheck::isHostAddress(ipv4, 4)
             ? tr("One IPv4 address of the server's subnet, e.g. 10.8.0.9.")
             : QString()},
        {QStringLiteral("ipv6_address"),
         v6 && !ipv6.isEmpty() && !wgcheck::isHostAddress(ipv6, 6)
             ? tr("One IPv6 address of the server's subnet, e.g. fd00:8::9.")
             : QString()},
        {QStringLiteral("dns_servers"), wgcheck::areAddresses(wgcheck::splitList(m_dns->text()))
                                            ? QString()
                                            : tr("IP addresses only, comma separated.")},
        {QStringLiteral("expires_at"),
         m_expires->isChecked() && m_expiry->dateTime() <= QDateTime::currentDateTime()
                 && (!isEditing() || m_expiry->dateTime() != m_existing.expiresAt.toLocalTime())
             ? tr("The expiry must be in the future.")
             : QString()}};
    bool fine = true;
    for (auto it = problems.begin(); it != problems.end(); ++it) {
        if (QLabel *error = m_errors.value(it.key()))
            setFieldCheck(error, it.value());
        fine = fine && it.value().isEmpty();
    }
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(fine && m_family->count() > 0 && !m_sending && !hasResult());
}

void WgClientDialog::submit()
{
    QPushButton *create = m_buttons->button(QDialogButtonBox::Ok);
    if (!m_client || m_sending || !create->isEnabled())
        return;
    m_sending = true;
    create->setEnabled(false);
    setFieldError(m_error, {});
    for (QLabel *error : std::as_const(m_errors))
        setFieldError(error, {});
    if (isEditing()) {
        client::WgClientChange c = editChange();
        c.confirm = m_confirm->request();
        client::WireGuardApi(*m_client).updateClient(
            m_editId, c, client::within(this, [this](Result<client::WgClientRow> r) {
                m_sending = false;
                if (!r) {
                    validate();
                    showError(r.error());
                    return;
                }
                m_created.client = std::move(*r);
                m_saved = true;
                accept();
            }));
        return;
    }
    client::WireGuardApi(*m_client).createClient(
        change(), client::within(this, [this](Result<client::WgCreatedClient> r) {
            m_sending = false;
            if (!r) {
                validate();
                showError(r.error());
                return;
            }
            m_created = std::move(*r);
            m_result->setConfig(m_created.client.name, m_created.config);
            m_pages->setCurrentIndex(1);
            retranslateUi();
            const QSize wanted = sizeHint();
            resize(qMax(width(), wanted.width()), qMax(height(), wanted.height()));
        }));
}

void WgClientDialog::showError(const hm::Error &error)
{
    QLabel *at = m_errors.value(WgText::refusalField(error), m_error);
    setLocalizedFieldRefusal(at,
                             [error, role = m_role] { return WgText::refusalText(error, role); });
}

} // namespace hm::app
