#include "vpn/WgServerDialog.h"

#include "client/WireGuardApi.h"
#include "client/Within.h"
#include "vpn/WgAddressCheck.h"
#include "vpn/WgConfirmBox.h"
#include "vpn/WgText.h"
#include "widgets/FieldError.h"
#include "widgets/Retranslate.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// Seed 001's defaults for a new server.
constexpr int kWgDefaultPort = 51820;
constexpr int kWgDefaultMtu = 1420;

} // namespace

WgServerDialog::WgServerDialog(client::ApiClient *client, const client::WgServerRow *existing,
                               const QString &role, QWidget *parent)
    : QDialog(parent), m_client(client), m_editing(existing != nullptr), m_role(role)
{
    setObjectName(QStringLiteral("vpn.serverDialog"));
    setMinimumWidth(560);
    if (existing)
        m_server = *existing;
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("vpn.server.intro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto row = [&](const QString &field, QWidget *edit) {
        edit->setObjectName(QStringLiteral("vpn.server.") + field);
        QLabel *caption = nullptr;
        QLabel *error = nullptr;
        addFieldRow(form, &caption, edit, &error,
                    QStringLiteral("vpn.server.") + field + QStringLiteral("Error"));
        m_captions.insert(field, caption);
        m_errors.insert(field, error);
    };
    const auto line = [&](const QString &field, const QString &value, int maxLength) {
        auto *edit = new QLineEdit(value, this);
        edit->setMaxLength(maxLength);
        row(field, edit);
        connect(edit, &QLineEdit::textChanged, this, &WgServerDialog::validate);
        return edit;
    };
    const auto spin = [&](const QString &field, int min, int max, int value) {
        auto *box = new QSpinBox(this);
        box->setRange(min, max);
        box->setValue(value);
        box->setGroupSeparatorShown(false); // ports and sizes, never "51,820"
        row(field, box);
        connect(box, &QSpinBox::valueChanged, this, &WgServerDialog::validate);
        return box;
    };
    m_name = line(QStringLiteral("name"), m_server.name, 64);
    m_interface = line(QStringLiteral("interface"),
                       m_editing ? m_server.interfaceName : QStringLiteral("wg0"), 15);
    m_port = spin(QStringLiteral("listen_port"), 1, 65535,
                  m_editing ? m_server.listenPort : kWgDefaultPort);
    m_ipv4 = line(QStringLiteral("ipv4_address"),
                  m_editing ? m_server.ipv4Address : QStringLiteral("10.8.0.1/24"), 64);
    m_ipv6 = line(QStringLiteral("ipv6_address"), m_server.ipv6Address, 64);
    m_dns =
        line(QStringLiteral("dns_servers"), m_server.dnsServers.join(QStringLiteral(", ")), 512);
    m_mtu = spin(QStringLiteral("mtu"), 576, 9000, m_editing ? m_server.mtu : kWgDefaultMtu);
    m_keepalive = spin(QStringLiteral("persistent_keepalive"), 0, 65535,
                       m_editing ? m_server.persistentKeepalive : 0);
    m_endpoint = line(QStringLiteral("endpoint_host"), m_server.endpointHost, 253);
    m_autoStart = new QCheckBox(this);
    m_autoStart->setChecked(m_server.autoStart);
    row(QStringLiteral("auto_start"), m_autoStart);
    connect(m_autoStart, &QCheckBox::toggled, this, &WgServerDialog::validate);
    m_description = line(QStringLiteral("description"), m_server.description, 256);
    if (m_editing) {
        m_confirm = new WgConfirmBox(QStringLiteral("vpn.server"), true, this);
        row(QStringLiteral("confirm_within_seconds"), m_confirm);
        // The box keeps its own name; row() named it after the field.
        m_confirm->setObjectName(QStringLiteral("vpn.server.confirmBox"));
        // The handshake may come from any of the server's clients.
        if (m_client) {
            client::WgClientFilter filter;
            filter.serverId = m_server.id;
            filter.page.size = 100;
            client::WireGuardApi(*m_client).clients(
                filter, client::within(this, [this](Result<client::Page<client::WgClientRow>> r) {
                    if (r)
                        m_confirm->setClients(r->items);
                }));
        }
    }
    layout->addLayout(form);
    m_error = createFieldError(this, QStringLiteral("vpn.server.error"));
    layout->addWidget(m_error);
    layout->addStretch();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("vpn.server.save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("vpn.server.cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &WgServerDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    showChecksOnBlockedAccept(this, m_buttons->button(QDialogButtonBox::Save));
    retranslateUi();
}

client::WgServerChange WgServerDialog::change() const
{
    client::WgServerChange c;
    const auto text = [this](std::optional<QString> &out, const QLineEdit *edit,
                             const QString &was) {
        const QString value = edit->text().trimmed();
        if (!m_editing || value != was)
            out = value;
    };
    const auto number = [this](std::optional<int> &out, const QSpinBox *box, int was) {
        if (!m_editing || box->value() != was)
            out = box->value();
    };
    text(c.name, m_name, m_server.name);
    text(c.interfaceName, m_interface, m_server.interfaceName);
    number(c.listenPort, m_port, m_server.listenPort);
    text(c.ipv4Address, m_ipv4, m_server.ipv4Address);
    text(c.ipv6Address, m_ipv6, m_server.ipv6Address);
    // A new server's empty optional fields are left to the server's defaults.
    if (!m_editing) {
        for (std::optional<QString> *optional : {&c.ipv4Address, &c.ipv6Address}) {
            if (optional->has_value() && (*optional)->isEmpty())
                optional->reset();
        }
    }
    const QStringList dns = wgcheck::splitList(m_dns->text());
    if (m_editing ? dns != m_server.dnsServers : !dns.isEmpty())
        c.dnsServers = dns;
    number(c.mtu, m_mtu, m_server.mtu);
    number(c.persistentKeepalive, m_keepalive, m_server.persistentKeepalive);
    text(c.endpointHost, m_endpoint, m_server.endpointHost);
    if (!m_editing || m_autoStart->isChecked() != m_server.autoStart)
        c.autoStart = m_autoStart->isChecked();
    text(c.description, m_description, m_server.description);
    if (!m_editing) {
        for (std::optional<QString> *optional : {&c.endpointHost, &c.description}) {
            if (optional->has_value() && (*optional)->isEmpty())
                optional->reset();
        }
    }
    return c;
}

void WgServerDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void WgServerDialog::retranslateUi()
{
    setWindowTitle(m_editing ? tr("Edit WireGuard server") : tr("New WireGuard server"));
    m_intro->setText(m_editing
                         ? tr("Change \"%1\". A running server is re-synced; its clients keep "
                              "their keys and addresses.")
                               .arg(m_server.name)
                         : tr("The server makes the key pair; its private key never leaves it. "
                              "Give it an IPv4 subnet, an IPv6 subnet or both: clients get "
                              "their addresses from them."));
    const QHash<QString, QString> captions{
        {QStringLiteral("name"), tr("&Name:")},
        {QStringLiteral("interface"), tr("&Interface:")},
        {QStringLiteral("listen_port"), tr("Listen &port:")},
        {QStringLiteral("ipv4_address"), tr("IPv&4 address/prefix:")},
        {QStringLiteral("ipv6_address"), tr("IPv&6 address/prefix:")},
        {QStringLiteral("dns_servers"), tr("&DNS servers:")},
        {QStringLiteral("mtu"), tr("&MTU:")},
        {QStringLiteral("persistent_keepalive"), tr("&Keepalive:")},
        {QStringLiteral("endpoint_host"), tr("&Endpoint host:")},
        {QStringLiteral("auto_start"), tr("Start:")},
        {QStringLiteral("description"), tr("D&escription:")},
        {QStringLiteral("confirm_within_seconds"), tr("Confirmation:")}};
    for (auto it = captions.begin(); it != captions.end(); ++it)
        if (QLabel *caption = m_captions.value(it.key()))
            caption->setText(it.value());
    m_interface->setToolTip(tr("1 to 15 of a-z, A-Z, 0-9, \"_\", \"=\", \"+\", \".\" or \"-\"."));
    m_ipv4->setPlaceholderText(tr("e.g. 10.8.0.1/24 (empty: none)"));
    m_ipv6->setPlaceholderText(tr("e.g. fd00:8::1/64 (empty: none)"));
    m_dns->setPlaceholderText(tr("Comma separated, e.g. 1.1.1.1, 2606:4700:4700::1111"));
    m_keepalive->setSuffix(tr(" s"));
    m_keepalive->setSpecialValueText(tr("Off"));
    m_endpoint->setPlaceholderText(tr("Empty: the host of the server's public address"));
    m_autoStart->setText(tr("Start with the HiveMind server"));
    m_description->setPlaceholderText(tr("Optional"));
    m_buttons->button(QDialogButtonBox::Save)->setText(m_editing ? tr("Save") : tr("Create"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    validate();
}

void WgServerDialog::validate()
{
    const QString name = m_name->text().trimmed();
    const QString interfaceName = m_interface->text().trimmed();
    const QString ipv4 = m_ipv4->text().trimmed();
    const QString ipv6 = m_ipv6->text().trimmed();
    const QStringList dns = wgcheck::splitList(m_dns->text());
    const QHash<QString, QString> problems{
        {QStringLiteral("name"), name.isEmpty() ? tr("A server needs a name.") : QString()},
        {QStringLiteral("interface"),
         wgcheck::isInterfaceName(interfaceName)
             ? QString()
             : tr("1 to 15 of a-z, A-Z, 0-9, \"_\", \"=\", \"+\", \".\" or \"-\"; no spaces.")},
        {QStringLiteral("ipv4_address"),
         !ipv4.isEmpty() && !wgcheck::isAddressWithPrefix(ipv4, 4)
             ? tr("An IPv4 address with its prefix length, e.g. 10.8.0.1/24.")
         : ipv4.isEmpty() && ipv6.isEmpty() ? tr("Give an IPv4 subnet, an IPv6 subnet or both.")
                                            : QString()},
        {QStringLiteral("ipv6_address"),
         !ipv6.isEmpty() && !wgcheck::isAddressWithPrefix(ipv6, 6)
             ? tr("An IPv6 address with its prefix length, e.g. fd00:8::1/64.")
             : QString()},
        {QStringLiteral("dns_servers"),
         wgcheck::areAddresses(dns) ? QString() : tr("IP addresses only, comma separated.")}};
    bool fine = true;
    for (auto it = problems.begin(); it != problems.end(); ++it) {
        if (QLabel *error = m_errors.value(it.key()))
            setFieldCheck(error, it.value());
        fine = fine && it.value().isEmpty();
    }
    const bool changed = !m_editing || !change().toJson().isEmpty();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(fine && changed && !m_sending);
}

void WgServerDialog::submit()
{
    QPushButton *save = m_buttons->button(QDialogButtonBox::Save);
    if (!m_client || m_sending || !save->isEnabled())
        return;
    m_sending = true;
    save->setEnabled(false);
    setFieldError(m_error, {});
    for (QLabel *error : std::as_const(m_errors))
        setFieldError(error, {});
    auto done = client::within(this, [this](Result<client::WgServerRow> r) {
        m_sending = false;
        if (!r) {
            validate();
            showError(r.error());
            return;
        }
        m_server = *r;
        accept();
    });
    client::WireGuardApi api(*m_client);
    if (m_editing) {
        client::WgServerChange c = change();
        c.confirm = m_confirm->request();
        api.updateServer(m_server.id, c, std::move(done));
    } else
        api.createServer(change(), std::move(done));
}

void WgServerDialog::showError(const hm::Error &error)
{
    QLabel *at = m_errors.value(WgText::refusalField(error), m_error);
    setLocalizedFieldRefusal(at,
                             [error, role = m_role] { return WgText::refusalText(error, role); });
}

} // namespace hm::app
