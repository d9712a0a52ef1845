#include "vpn/WgImportDialog.h"

#include "client/WireGuardApi.h"
#include "client/Within.h"
#include "vpn/WgAddressCheck.h"
#include "vpn/WgText.h"
#include "widgets/FieldError.h"
#include "widgets/Retranslate.h"
#include "widgets/SeparatedList.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// A dry run per pause in typing, not per key.
constexpr int kWgImportPreviewDelayMs = 400;

enum WgImportColumn
{
    WgImportNameColumn,
    WgImportFamilyColumn,
    WgImportAddressesColumn,
    WgImportPskColumn,
    WgImportColumnCount
};

} // namespace

WgImportDialog::WgImportDialog(client::ApiClient *client, const QString &config,
                               const QString &fileBaseName, const QString &role, QWidget *parent)
    : QDialog(parent), m_client(client), m_config(config), m_role(role)
{
    setObjectName(QStringLiteral("wgImportDialog"));
    setMinimumWidth(680);
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("vpn.import.intro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto *form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto line = [&](const QString &field, const QString &value, int maxLength) {
        auto *edit = new QLineEdit(this);
        edit->setMaxLength(maxLength);
        edit->setText(value);
        edit->setObjectName(QStringLiteral("vpn.import.") + field);
        QLabel *caption = nullptr;
        QLabel *error = nullptr;
        addFieldRow(form, &caption, edit, &error,
                    QStringLiteral("vpn.import.") + field + QStringLiteral("Error"));
        m_captions.insert(field, caption);
        m_errors.insert(field, error);
        connect(edit, &QLineEdit::textChanged, this, &WgImportDialog::fieldsChanged);
        return edit;
    };
    m_name = line(QStringLiteral("name"), fileBaseName.left(64), 64);
    m_interface = line(QStringLiteral("interface"), fileBaseName.left(15), 15);
    m_endpoint = line(QStringLiteral("endpoint_host"), QString(), 253);
    layout->addLayout(form);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("vpn.import.summary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_peers = new QTableWidget(0, WgImportColumnCount, this);
    m_peers->setObjectName(QStringLiteral("vpn.import.peers"));
    m_peers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_peers->setSelectionMode(QAbstractItemView::NoSelection);
    m_peers->setAlternatingRowColors(true);
    m_peers->setWordWrap(false);
    m_peers->verticalHeader()->hide();
    m_peers->horizontalHeader()->setStretchLastSection(true);
    m_peers->setColumnWidth(WgImportNameColumn, 150);
    m_peers->setColumnWidth(WgImportFamilyColumn, 120);
    m_peers->setColumnWidth(WgImportAddressesColumn, 260);
    m_peers->setMinimumHeight(150);
    layout->addWidget(m_peers, 2);
    m_warningsCaption = new QLabel(this);
    m_warningsCaption->setObjectName(QStringLiteral("vpn.import.warningsCaption"));
    m_warningsCaption->setWordWrap(true);
    layout->addWidget(m_warningsCaption);
    m_warnings = new QListWidget(this);
    m_warnings->setObjectName(QStringLiteral("vpn.import.warnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setSelectionMode(QAbstractItemView::NoSelection);
    m_warnings->setMinimumHeight(70);
    layout->addWidget(m_warnings, 1);
    m_error = createFieldError(this, QStringLiteral("vpn.import.error"));
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("vpn.import.import"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("vpn.import.cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &WgImportDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    m_again = new QTimer(this);
    m_again->setSingleShot(true);
    m_again->setInterval(kWgImportPreviewDelayMs);
    connect(m_again, &QTimer::timeout, this, &WgImportDialog::refreshPreview);
    // The fields come filled in from the file: what is wrong with them is
    // said at once, as if typed.
    touchAllFields(this);
    retranslateUi();
    refreshPreview();
}

WgImportDialog::~WgImportDialog()
{
    // The text holds the server's private key: not left in freed memory.
    m_config.fill(QChar(u' '));
}

client::WgImportRequest WgImportDialog::request(bool dryRun) const
{
    client::WgImportRequest r;
    r.config = m_config;
    r.name = m_name->text().trimmed();
    r.interfaceName = m_interface->text().trimmed();
    r.endpointHost = m_endpoint->text().trimmed();
    r.dryRun = dryRun;
    return r;
}

void WgImportDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void WgImportDialog::retranslateUi()
{
    setWindowTitle(tr("Import WireGuard server"));
    m_intro->setText(tr("The file's [Interface] becomes a new server and each [Peer] one of its "
                        "clients. The clients' private keys stay on their devices: their "
                        "configs cannot be shown here. Hooks and routed prefixes are not "
                        "imported."));
    const QHash<QString, QString> captions{
        {QStringLiteral("name"), tr("&Name:")},
        {QStringLiteral("interface"), tr("&Interface:")},
        {QStringLiteral("endpoint_host"), tr("&Endpoint host:")}};
    for (auto it = captions.begin(); it != captions.end(); ++it)
        m_captions.value(it.key())->setText(it.value());
    m_interface->setToolTip(tr("1 to 15 of a-z, A-Z, 0-9, \"_\", \"=\", \"+\", \".\" or \"-\"."));
    m_endpoint->setPlaceholderText(tr("Empty: the host of the server's public address"));
    m_peers->setHorizontalHeaderLabels(
        {tr("Client"), tr("Family"), tr("Addresses"), tr("Preshared key")});
    m_warningsCaption->setText(tr("Not imported:"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    showPreview();
}

bool WgImportDialog::validate()
{
    const QString name = m_name->text().trimmed();
    const QString interfaceName = m_interface->text().trimmed();
    const QHash<QString, QString> problems{
        {QStringLiteral("name"), name.isEmpty() ? tr("A server needs a name.") : QString()},
        {QStringLiteral("interface"),
         wgcheck::isInterfaceName(interfaceName)
             ? QString()
             : tr("1 to 15 of a-z, A-Z, 0-9, \"_\", \"=\", \"+\", \".\" or \"-\"; no spaces.")}};
    bool fine = true;
    for (auto it = problems.begin(); it != problems.end(); ++it) {
        setFieldCheck(m_errors.value(it.key()), it.value());
        fine = fine && it.value().isEmpty();
    }
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(fine && m_previewOk && !m_checking && !m_sending);
    return fine;
}

void WgImportDialog::fieldsChanged()
{
    // The preview no longer answers for these fields; a refusal of one of
    // them stands until that field changes (the next dry run answers).
    m_previewOk = false;
    if (validate())
        m_again->start();
    showPreview();
}

void WgImportDialog::refreshPreview()
{
    m_again->stop();
    if (!m_client || !validate())
        return;
    m_checking = true;
    m_previewFailed = false;
    const int serial = ++m_previewSerial;
    showPreview();
    client::WireGuardApi(*m_client).importServer(
        request(true), client::within(this, [this, serial](Result<client::WgImportResult> r) {
            if (serial != m_previewSerial)
                return; // the fields changed since: a newer dry run answers
            m_checking = false;
            m_previewOk = r.ok();
            m_previewFailed = !r;
            if (r) {
                m_preview = *r;
                // The server takes the fields as they are: no refusal of
                // them stands (the checks found nothing, or no dry run).
                for (QLabel *error : std::as_const(m_errors))
                    setFieldError(error, {});
                setFieldError(m_error, {});
            } else {
                m_previewError = r.error();
                m_preview = {};
                showError(r.error());
            }
            showPreview();
        }));
}

void WgImportDialog::showPreview()
{
    if (m_checking)
        m_summary->setText(tr("Checking the file with the server..."));
    else if (m_previewFailed)
        m_summary->setText(tr("The file cannot be imported as it is."));
    else if (!m_previewOk)
        m_summary->setText(tr("Fill in the fields to see what the file holds."));
    else
        m_summary->setText(tr("%n peer(s) become clients of the new server \"%1\" on %2, "
                              "port %3.",
                              "", int(m_preview.clients.size()))
                               .arg(m_preview.server.name, m_preview.server.interfaceName)
                               .arg(m_preview.server.listenPort));
    const QList<client::WgImportedClient> clients =
        m_previewOk ? m_preview.clients : QList<client::WgImportedClient>();
    m_peers->setRowCount(int(clients.size()));
    for (int row = 0; row < clients.size(); ++row) {
        const client::WgImportedClient &c = clients[row];
        QStringList addresses;
        for (const QString &a : {c.ipv4Address, c.ipv6Address})
            if (!a.isEmpty())
                addresses << a;
        const QStringList cells{c.name, WgText::family(c.addressFamily),
                                addresses.join(QStringLiteral(", ")),
                                c.hasPresharedKey ? tr("Yes") : tr("No")};
        for (int column = 0; column < WgImportColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setToolTip(cells[column]);
            m_peers->setItem(row, column, item);
        }
    }
    m_warnings->clear();
    if (m_previewOk) {
        if (m_preview.warnings.isEmpty())
            m_warnings->addItem(tr("Nothing: every field of the file is imported."));
        else
            for (const client::WgImportWarning &warning : std::as_const(m_preview.warningDetails)) {
                auto *item = new QListWidgetItem(warningText(warning), m_warnings);
                // The code stays with the row (tests, and support asking "which one").
                item->setData(Qt::UserRole, warning.code);
            }
    }
    validate();
}

QString WgImportDialog::warningText(const client::WgImportWarning &warning)
{
    const QString code = warning.code;
    const QJsonObject &p = warning.params;
    const QString peer = QString::number(p.value(QStringLiteral("peer")).toInteger());
    const QString name = p.value(QStringLiteral("name")).toString();
    if (code == QLatin1String("DNS_SEARCH_NOT_IMPORTED"))
        return tr("[Interface]: the DNS search domains are not imported.");
    if (code == QLatin1String("TABLE_NOT_IMPORTED"))
        return tr("[Interface]: Table is not imported.");
    if (code == QLatin1String("FWMARK_NOT_IMPORTED"))
        return tr("[Interface]: FwMark is not imported.");
    if (code == QLatin1String("SAVECONFIG_NOT_IMPORTED"))
        return tr("[Interface]: SaveConfig is not imported.");
    if (code == QLatin1String("HOOK_NOT_IMPORTED"))
        return tr("[Interface]: the %1 hooks are not imported (the server never runs commands "
                  "from an imported file).")
            .arg(p.value(QStringLiteral("hook")).toString());
    if (code == QLatin1String("PEER_NAME_UNUSABLE"))
        return tr("Peer %1: the name in its comment cannot be used; it is named %2.")
            .arg(peer, name);
    if (code == QLatin1String("PEER_ROUTES_NOT_IMPORTED")) {
        QStringList prefixes;
        for (const QJsonValue &prefix : p.value(QStringLiteral("prefixes")).toArray())
            prefixes << prefix.toString();
        return tr("Peer %1 (%2): the routed prefixes %3 are not imported (a client holds only "
                  "its own addresses).")
            .arg(peer, name, separatedList(prefixes));
    }
    if (code == QLatin1String("PEER_ENDPOINT_NOT_IMPORTED"))
        return tr("Peer %1 (%2): its Endpoint is not imported (the client connects to the "
                  "server).")
            .arg(peer, name);
    // A code this console does not know (a newer server): its words.
    return warning.message;
}

void WgImportDialog::submit()
{
    QPushButton *import = m_buttons->button(QDialogButtonBox::Ok);
    if (!m_client || m_sending || !import->isEnabled())
        return;
    m_sending = true;
    import->setEnabled(false);
    setFieldError(m_error, {});
    client::WireGuardApi(*m_client).importServer(
        request(false), client::within(this, [this](Result<client::WgImportResult> r) {
            m_sending = false;
            if (!r) {
                m_previewOk = false;
                showError(r.error());
                showPreview();
                return;
            }
            m_result = *r;
            accept();
        }));
}

void WgImportDialog::showError(const hm::Error &error)
{
    const QString field = WgText::refusalField(error);
    // Each stands until what it is about changes, and is worded again on a
    // language switch.
    const QString role = m_role;
    if (QLabel *at = m_errors.value(field)) {
        setLocalizedFieldRefusal(at, [error, role] { return WgText::refusalText(error, role); });
        return;
    }
    // About the file ("peers[2].allowed_ips: line 14: ..."): the server's
    // words name the section, field and line.
    if (error.code == ErrorCode::ValidationError || error.code == ErrorCode::Conflict)
        setLocalizedFieldRefusal(m_error, [error] {
            return WgImportDialog::tr("The file cannot be imported: %1").arg(error.message);
        });
    else
        setLocalizedFieldRefusal(m_error,
                                 [error, role] { return WgText::refusalText(error, role); });
}

} // namespace hm::app
