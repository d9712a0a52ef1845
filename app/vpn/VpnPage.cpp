#include "vpn/VpnPage.h"

#include "client/ApiClient.h"
#include "client/WireGuardApi.h"
#include "client/Within.h"
#include "vpn/BgpPane.h"
#include "vpn/Ipv6PoolsPane.h"
#include "vpn/WgClientModel.h"
#include "vpn/WgClientsPane.h"
#include "vpn/WgImportDialog.h"
#include "vpn/WgPendingBanner.h"
#include "vpn/WgServerDialog.h"
#include "vpn/WgServerModel.h"
#include "vpn/WgText.h"
#include "widgets/AdminText.h"
#include "widgets/LiveEvents.h"
#include "widgets/MessageBox.h"
#include "widgets/PageFrame.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/SectionHeader.h"

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSizePolicy>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// Other consoles' servers and changes arrive with this read while the
// page shows (wireguard_status only says when states or counts change).
constexpr int kVpnRefreshMs = 5000;
// A console manages a handful of servers: one page of the largest size.
constexpr int kVpnServerPageSize = 100;
// What the server takes for an import (docs/api.md "WireGuard"); a
// wg-quick file of 10,000 peers is well under it.
constexpr qint64 kVpnImportMaxBytes = 1024 * 1024;

void setVpnTone(QLabel *label, const QString &tone)
{
    label->setProperty("tone", tone);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

} // namespace

VpnPage::VpnPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("page.vpn"));
    m_model = new WgServerModel(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(pageMargins());
    m_header =
        new SectionHeader(QStringLiteral("vpn"), QStringLiteral("vpn.refresh"), this, layout);
    m_new = new QPushButton(this);
    m_new->setObjectName(QStringLiteral("vpn.newServer"));
    m_new->setProperty("primary", true);
    m_header->addButton(m_new);

    // Tabs: WireGuard (servers and their clients), IPv6 pools, BGP.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("vpn.tabs"));
    auto *wireguard = new QWidget(m_tabs);
    wireguard->setObjectName(QStringLiteral("vpn.tab.wireguard"));
    auto *wgLayout = new QVBoxLayout(wireguard);
    wgLayout->setContentsMargins(0, 8, 0, 0);
    auto *actions = new QHBoxLayout();
    const auto button = [this, actions](const char *name) {
        auto *b = new QPushButton(this);
        b->setObjectName(QLatin1String(name));
        actions->addWidget(b);
        return b;
    };
    m_edit = button("vpn.editServer");
    m_startStop = button("vpn.startStop");
    m_delete = button("vpn.deleteServer");
    actions->addStretch();
    m_import = button("vpnImportServer");
    wgLayout->addLayout(actions);
    m_pending = new WgPendingBanner(wireguard);
    wgLayout->addWidget(m_pending);

    auto *split = new QSplitter(Qt::Vertical, wireguard);

    // Asks for its minimum, not two tables' preferred heights: the page

    // under its tab bar must fit the smallest window (TestSectionFit).

    split->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);

    split->setMinimumHeight(240);
    split->setObjectName(QStringLiteral("vpn.split"));
    split->setChildrenCollapsible(false);
    m_content = new QStackedWidget(split);
    m_view = new QTableView(m_content);
    m_view->setObjectName(QStringLiteral("vpn.servers"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(WgServerModel::NameColumn, 170);
    m_view->setColumnWidth(WgServerModel::InterfaceColumn, 110);
    m_view->setColumnWidth(WgServerModel::StatusColumn, 130);
    m_view->setColumnWidth(WgServerModel::AddressesColumn, 300);
    m_view->setColumnWidth(WgServerModel::PortColumn, 110);
    m_content->addWidget(m_view);
    m_empty = new SectionEmptyState(QStringLiteral("vpn"), m_content);
    m_content->addWidget(m_empty);
    // The empty state's height is not the list's floor: it shows only
    // when the clients pane is hidden and the list has the whole split;
    // beside the clients a short list scrolls, and their traffic gets the
    // height (TestVpnTraffic's smallest window).
    m_content->setMinimumHeight(90);
    m_clients = new WgClientsPane(split);
    split->addWidget(m_content);
    split->addWidget(m_clients);
    // A handful of servers over their clients and the selected one's
    // traffic: a fifth and the rest. The clients pane's own split asks for
    // no height, so the shares are given, not left to size hints.
    split->setSizes({100, 400});
    wgLayout->addWidget(split, 1);
    m_tabs->addTab(wireguard, QString());
    m_pools = new Ipv6PoolsPane(m_tabs);
    m_tabs->addTab(m_pools, QString());
    m_bgp = new BgpPane(m_tabs);
    m_tabs->addTab(m_bgp, QString());
    layout->addWidget(m_tabs, 1);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        // The header's search and "New server" are the WireGuard tab's, and
        // so is the status line under the tabs; the subtitle follows the tab.
        m_new->setVisible(index == 0);
        m_header->search()->setVisible(index == 0);
        m_state->setVisible(index == 0 && !m_state->text().isEmpty());
        retranslateUi();
        if (index == 1)
            m_pools->reload();
        else if (index == 2)
            m_bgp->reload();
    });

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("vpn.state"));
    m_state->setWordWrap(true);
    layout->addWidget(m_state);

    // Refresh reads what the current tab shows.
    connect(m_header, &SectionHeader::refreshRequested, this, [this] {
        if (m_tabs->currentIndex() == 1)
            m_pools->reload();
        else if (m_tabs->currentIndex() == 2)
            m_bgp->reload();
        else
            reload();
    });
    connect(m_header, &SectionHeader::searchChanged, this, [this](const QString &text) {
        m_search = text.trimmed();
        reload();
    });
    connect(m_new, &QPushButton::clicked, this, &VpnPage::newServer);
    connect(m_edit, &QPushButton::clicked, this, &VpnPage::editSelected);
    connect(m_startStop, &QPushButton::clicked, this, &VpnPage::startStopSelected);
    connect(m_delete, &QPushButton::clicked, this, &VpnPage::deleteSelected);
    connect(m_import, &QPushButton::clicked, this, &VpnPage::importServer);
    connect(m_empty->action(), &QPushButton::clicked, this, [this] {
        if (m_readFailed)
            reload();
        else if (!m_search.isEmpty())
            m_header->search()->clear();
        else
            newServer();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &VpnPage::showDetail);
    connect(m_model, &QAbstractItemModel::modelReset, this, &VpnPage::showDetail);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &VpnPage::showDetail);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &VpnPage::showDetail);
    connect(m_clients, &WgClientsPane::clientsChanged, this, &VpnPage::reload);
    // A client's edit may have asked for confirmation.
    connect(m_clients, &WgClientsPane::clientsChanged, m_pending, &WgPendingBanner::refresh);
    // The pending clients' names as read, so the banner names a client at
    // once (only those: a server may hold 10,000 clients).
    const auto nameClients = [this] {
        WgClientModel *clients = m_clients->model();
        for (const client::WgPendingChange &change : m_pending->pending()) {
            if (change.kind != QLatin1String("client"))
                continue;
            if (const client::WgClientRow *row = clients->clientAt(clients->rowOf(change.id)))
                m_pending->setName(QStringLiteral("client"), change.id, row->name);
        }
    };
    connect(m_clients->model(), &QAbstractItemModel::modelReset, this, nameClients);
    connect(m_clients->model(), &QAbstractItemModel::rowsInserted, this, nameClients);
    connect(m_clients->model(), &QAbstractItemModel::dataChanged, this, nameClients);
    // Rolled back (or confirmed elsewhere): the values in force show.
    connect(m_pending, &WgPendingBanner::changesEnded, this, [this] {
        reload();
        m_clients->reload();
    });
    m_live = new LiveEvents(this);
    connect(m_live, &LiveEvents::message, this, &VpnPage::applyEvent);
    connect(m_live, &LiveEvents::reopened, this, &VpnPage::reload);
    m_refresh = new QTimer(this);
    m_refresh->setInterval(kVpnRefreshMs);
    connect(m_refresh, &QTimer::timeout, this, [this] {
        if (isVisible())
            reload();
    });
    m_refresh->start();
    setSession(nullptr, {});
}

VpnPage::~VpnPage() = default;

bool VpnPage::isAdmin() const
{
    return m_client && m_me.role.compare(QLatin1String("admin"), Qt::CaseInsensitive) == 0;
}

void VpnPage::setSession(client::ApiClient *client, const client::UserInfo &user)
{
    m_client = client;
    m_me = client ? user : client::UserInfo{};
    m_message.clear();
    m_loaded = false;
    m_readFailed = false;
    m_model->setRows({});
    m_clients->setSession(client, m_me.role);
    m_pending->setSession(client, m_me.role);
    m_pools->setSession(client, m_me.role);
    m_bgp->setSession(client, m_me.role);
    m_live->setClient(client);
    reload();
    retranslateUi();
}

void VpnPage::reload()
{
    if (!m_client || m_reading)
        return;
    m_reading = true;
    client::WgServerFilter filter;
    filter.search = m_search;
    filter.page.size = kVpnServerPageSize;
    client::WireGuardApi(*m_client).servers(
        filter, client::within(this, [this](Result<client::Page<client::WgServerRow>> r) {
            m_reading = false;
            m_loaded = true;
            m_readFailed = !r;
            if (!r) {
                m_readError = r.error();
                m_model->setRows({});
            } else {
                const qint64 was = selected() ? selected()->id : 0;
                m_model->setRows(r->items);
                for (const client::WgServerRow &server : r->items)
                    m_pending->setName(QStringLiteral("server"), server.id, server.name);
                // A reset lost the selection: the same server again, else
                // the first one (its clients show at once).
                if (!selected() && m_model->rowCount() > 0)
                    select(was && m_model->rowOf(was) >= 0 ? was : m_model->server(0)->id);
            }
            // The clients pane reads its own on its timer.
            showState();
        }));
}

bool VpnPage::isLive() const
{
    return m_live->isOpen();
}

QString VpnPage::listStateText() const
{
    return m_state->text();
}

void VpnPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void VpnPage::retranslateUi()
{
    m_header->title()->setText(tr("VPN"));
    const int tab = m_tabs ? m_tabs->currentIndex() : 0;
    m_header->subtitle()->setText(
        tab == 1   ? tr("IPv6 prefix pools and the prefixes delegated from them.")
        : tab == 2 ? tr("BGP sessions through BIRD, their routes and the prefixes announced.")
                   : tr("WireGuard servers and the clients that connect to them."));
    m_header->retranslateUi();
    m_header->search()->setPlaceholderText(tr("Search name, interface or description"));
    m_new->setText(tr("New server..."));
    m_edit->setText(tr("Edit..."));
    m_delete->setText(tr("Delete..."));
    m_import->setText(tr("Import..."));
    m_tabs->setTabText(0, tr("WireGuard"));
    m_tabs->setTabText(1, tr("IPv6 pools"));
    m_tabs->setTabText(2, tr("BGP"));
    m_model->retranslate();
    showState();
}

const client::WgServerRow *VpnPage::selected() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->server(rows.first().row());
}

void VpnPage::select(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->selectRow(row);
}

void VpnPage::updateActions()
{
    const client::WgServerRow *server = selected();
    const QString why = !m_client ? tr("Sign in first.") : AdminText::adminsOnly(m_me.role);
    const QString choose = tr("Select a server first.");
    const auto set = [](QPushButton *button, bool enabled, const QString &tip) {
        button->setEnabled(enabled);
        button->setToolTip(tip);
    };
    const bool admin = isAdmin();
    const bool running = server && server->status == QLatin1String("running");
    set(m_new, admin, admin ? tr("A new WireGuard server: its interface, port and subnets.") : why);
    set(m_import, admin,
        admin ? tr("A server from an existing wg-quick file (such as wg0.conf) with its peers.")
              : why);
    set(m_edit, admin && server,
        !admin   ? why
        : server ? tr("Change the server's settings; a running server is re-synced.")
                 : choose);
    m_startStop->setText(running ? tr("Stop") : tr("Start"));
    set(m_startStop, admin && server && !m_busy,
        !admin    ? why
        : !server ? choose
        : running ? tr("Take the interface down; its clients are cut off.")
                  : tr("Bring the interface up with its enabled clients."));
    set(m_delete, admin && server,
        !admin   ? why
        : server ? tr("Delete the server and all its clients.")
                 : choose);
    m_header->refresh()->setEnabled(bool(m_client));
}

void VpnPage::showState()
{
    QString text;
    bool showList = true;
    QPushButton *action = m_empty->action();
    updateActions();
    if (!m_client) {
        showList = false;
        m_empty->setContent({tr("Sign in to see the WireGuard servers"), {}, {}, {}});
    } else if (!m_loaded) {
        showList = false;
        m_empty->setContent({tr("Loading WireGuard servers..."), {}, {}, {}, true});
    } else if (m_readFailed) {
        showList = false;
        m_empty->setContent({tr("The WireGuard servers could not be read"),
                             WgText::refusalText(m_readError, m_me.role), tr("Retry"),
                             m_readError.codeName()});
        action->setEnabled(true);
        action->setToolTip({});
    } else if (m_model->rowCount() == 0) {
        showList = false;
        if (!m_search.isEmpty()) {
            m_empty->setContent(
                {tr("No server matches"),
                 tr("No WireGuard server has \"%1\" in its name, interface or description.")
                     .arg(m_search),
                 tr("Clear search"),
                 {}});
            action->setEnabled(true);
            action->setToolTip({});
        } else {
            m_empty->setContent(
                {tr("No WireGuard servers yet"),
                 tr("A WireGuard server is a VPN interface on the HiveMind server's machine. "
                    "Create one, then add a client for each device that connects: the console "
                    "shows its config and a QR code to scan."),
                 tr("New server..."),
                 {}});
            action->setEnabled(m_new->isEnabled());
            action->setToolTip(m_new->toolTip());
        }
    } else {
        int running = 0;
        for (int row = 0; row < m_model->rowCount(); ++row)
            running += m_model->server(row)->status == QLatin1String("running") ? 1 : 0;
        text = tr("%n WireGuard server(s), %1 running", "", m_model->rowCount())
                   .arg(QLocale().toString(running));
    }
    if (!m_message.isEmpty())
        text = m_message.toString();
    m_content->setCurrentWidget(showList ? static_cast<QWidget *>(m_view) : m_empty);
    m_clients->setVisible(showList && m_model->rowCount() > 0);
    m_state->setText(text);
    m_state->setVisible(!text.isEmpty() && m_tabs->currentIndex() == 0);
    setVpnTone(m_state, m_message.isEmpty() ? QString() : QStringLiteral("bad"));
}

void VpnPage::showDetail()
{
    m_clients->setServer(selected());
    updateActions();
}

void VpnPage::applyEvent(const QString &type, const QJsonObject &data)
{
    if (type != QLatin1String("wireguard_status"))
        return;
    // A handshake may have confirmed a change, or a deadline rolled it back.
    m_pending->refresh();
    bool unknown = false;
    for (const QJsonValue &item : data.value(QStringLiteral("servers")).toArray()) {
        const QJsonObject server = item.toObject();
        const qint64 id = server.value(QStringLiteral("id")).toInteger();
        if (m_model->rowOf(id) < 0) {
            unknown = true;
            continue;
        }
        QString status = server.value(QStringLiteral("status")).toString();
        m_model->applyStatus(id, status, server.value(QStringLiteral("clients_count")).toInt());
    }
    // A server this list does not have (another console made it): read again.
    if (unknown && m_search.isEmpty())
        reload();
    else
        showState();
    m_clients->reload();
}

void VpnPage::failed(std::function<QString()> what, const hm::Error &error)
{
    m_message = LocalizedText(
        [what, error, role = m_me.role] { return what().arg(WgText::refusalText(error, role)); });
    showState();
}

void VpnPage::newServer()
{
    if (!m_client || !isAdmin())
        return;
    m_message.clear();
    WgServerDialog dialog(m_client, nullptr, m_me.role, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    m_model->upsert(dialog.server());
    select(dialog.server().id);
    showState();
}

void VpnPage::importServer()
{
    if (!m_client || !isAdmin())
        return;
    m_message.clear();
    QFileDialog files(this, tr("Import a WireGuard server"));
    files.setObjectName(QStringLiteral("vpn.importFileDialog"));
    files.setAcceptMode(QFileDialog::AcceptOpen);
    files.setFileMode(QFileDialog::ExistingFile);
    files.setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    files.setNameFilters({tr("WireGuard configs (*.conf)"), tr("All files (*)")});
    if (DialogSeam::exec(&files) != QDialog::Accepted || files.selectedFiles().isEmpty())
        return;
    const QString path = files.selectedFiles().constFirst();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_message = LocalizedText([reason = file.errorString()] {
            return tr("The file could not be read: %1").arg(reason);
        });
        showState();
        return;
    }
    // One byte more than allowed tells a file that is too large.
    QByteArray bytes = file.read(kVpnImportMaxBytes + 1);
    if (bytes.size() > kVpnImportMaxBytes) {
        bytes.fill('\0');
        m_message = LocalizedText(
            [] { return tr("The file is larger than 1 MiB: it is not a wg-quick server file."); });
        showState();
        return;
    }
    const QString text = QString::fromUtf8(bytes);
    // It holds the server's private key.
    bytes.fill('\0');
    WgImportDialog dialog(m_client, text, QFileInfo(path).completeBaseName(), m_me.role, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    m_model->upsert(dialog.server());
    select(dialog.server().id);
    showState();
    reload();
}

void VpnPage::editSelected()
{
    const client::WgServerRow *server = selected();
    if (!m_client || !server || !isAdmin())
        return;
    m_message.clear();
    WgServerDialog dialog(m_client, server, m_me.role, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    m_model->upsert(dialog.server());
    m_pending->setName(QStringLiteral("server"), dialog.server().id, dialog.server().name);
    m_pending->refresh();
    showState();
}

void VpnPage::startStopSelected()
{
    const client::WgServerRow *server = selected();
    if (!m_client || !server || !isAdmin() || m_busy)
        return;
    m_message.clear();
    const qint64 id = server->id;
    const bool running = server->status == QLatin1String("running");
    if (running && !MessageBox::confirm(
                       this, tr("Stop WireGuard server"),
                       tr("Stop \"%1\"? Its interface %2 goes down and every client connected "
                          "through it loses its tunnel until the server is started again.")
                           .arg(server->name, server->interfaceName),
                       tr("Stop"), QStringLiteral("vpn.confirmStopServer")))
        return;
    m_busy = true;
    auto done = client::within(this, [this, id, running](Result<client::WgRunState> r) {
        m_busy = false;
        if (!r)
            return failed(
                [running] {
                    return running ? tr("The server was not stopped: %1")
                                   : tr("The server was not started: %1");
                },
                r.error());
        if (const int row = m_model->rowOf(id); row >= 0) {
            client::WgServerRow changed = *m_model->server(row);
            changed.status = r->status;
            m_model->upsert(changed);
        }
        showState();
        m_clients->reload();
    });
    client::WireGuardApi api(*m_client);
    if (running)
        api.stopServer(id, std::move(done));
    else
        api.startServer(id, std::move(done));
    updateActions();
}

void VpnPage::deleteSelected()
{
    const client::WgServerRow *server = selected();
    if (!m_client || !server || !isAdmin())
        return;
    m_message.clear();
    const qint64 id = server->id;
    if (!MessageBox::confirm(
            this, tr("Delete WireGuard server"),
            tr("Delete \"%1\" and its %n client(s)? A running interface is taken down; the "
               "clients' configs stop working. This cannot be undone.",
               "", server->clientsCount)
                .arg(server->name),
            tr("Delete"), QStringLiteral("vpn.confirmDeleteServer"),
            MessageBox::Confirm::Destructive))
        return;
    client::WireGuardApi(*m_client).removeServer(
        id, client::within(this, [this, id](Result<void> r) {
            if (!r)
                return failed([] { return tr("The server was not deleted: %1"); }, r.error());
            m_model->remove(id);
            if (!selected() && m_model->rowCount() > 0)
                m_view->selectRow(0);
            showState();
        }));
}

} // namespace hm::app
