#include "vpn/WgClientsPane.h"

#include "client/ApiClient.h"
#include "client/WireGuardApi.h"
#include "client/Within.h"
#include "vpn/WgClientDetail.h"
#include "vpn/WgClientDialog.h"
#include "vpn/WgClientModel.h"
#include "vpn/WgConfigDialog.h"
#include "vpn/WgShareLinkDialog.h"
#include "vpn/WgText.h"
#include "widgets/AdminText.h"
#include "widgets/MessageBox.h"
#include "widgets/SectionEmptyState.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// Handshakes and byte counters move on; WireGuard's own handshake is every
// two minutes, so a few seconds is live enough.
constexpr int kWgClientsRefreshMs = 5000;
// The server's largest page; a server with more clients is read a page at a
// time as the table scrolls (WgClientModel::moreWanted).
constexpr int kWgClientsPageSize = 100;

} // namespace

WgClientsPane::WgClientsPane(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("vpn.clientsPane"));
    m_model = new WgClientModel(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    auto *top = new QHBoxLayout();
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("vpn.clientsTitle"));
    m_title->setProperty("hmStyle", QStringLiteral("editorTitle"));
    top->addWidget(m_title, 1);
    const auto button = [this, top](const char *name) {
        auto *b = new QPushButton(this);
        b->setObjectName(QLatin1String(name));
        top->addWidget(b);
        return b;
    };
    m_new = button("vpn.newClient");
    m_edit = button("vpn.editClient");
    m_toggle = button("vpn.toggleClient");
    m_config = button("vpn.showConfig");
    m_share = button("vpn.shareLink");
    m_delete = button("vpn.deleteClient");
    layout->addLayout(top);
    // The table over the selected client's traffic; the split asks for its
    // minimum only, so the page under its tab bar fits the smallest window
    // (TestSectionFit).
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("vpn.clientsSplit"));
    split->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);
    split->setMinimumHeight(160);
    split->setChildrenCollapsible(false);
    m_view = new QTableView(split);
    m_view->setObjectName(QStringLiteral("vpn.clients"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Nine columns inside a 1280-pixel window without scrolling.
    m_view->setColumnWidth(WgClientModel::NameColumn, 120);
    m_view->setColumnWidth(WgClientModel::AddressesColumn, 180);
    m_view->setColumnWidth(WgClientModel::StatusColumn, 75);
    m_view->setColumnWidth(WgClientModel::EndpointColumn, 140);
    m_view->setColumnWidth(WgClientModel::HandshakeColumn, 125);
    m_view->setColumnWidth(WgClientModel::ReceivedColumn, 80);
    m_view->setColumnWidth(WgClientModel::SentColumn, 80);
    m_view->setColumnWidth(WgClientModel::TotalReceivedColumn, 105);
    m_view->setMinimumHeight(60);
    m_detail = new WgClientDetail(split);
    m_detail->setMinimumHeight(110);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    // A third for the table, the rest for the chart (the table scrolls).
    split->setSizes({100, 200});
    // A server without clients shows what goes there and the way to the
    // first, in place of an empty table over an empty chart.
    m_body = new QStackedWidget(this);
    m_body->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);
    m_body->addWidget(split);
    m_split = split;
    m_empty = new SectionEmptyState(QStringLiteral("vpn.clients"), m_body);
    m_body->addWidget(m_empty);
    layout->addWidget(m_body, 1);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("vpn.clientsState"));
    m_state->setWordWrap(true);
    layout->addWidget(m_state);

    connect(m_new, &QPushButton::clicked, this, &WgClientsPane::newClient);
    connect(m_empty->action(), &QPushButton::clicked, this, &WgClientsPane::newClient);
    connect(m_edit, &QPushButton::clicked, this, &WgClientsPane::editSelected);
    connect(m_toggle, &QPushButton::clicked, this, &WgClientsPane::toggleSelected);
    connect(m_config, &QPushButton::clicked, this, &WgClientsPane::showConfig);
    connect(m_share, &QPushButton::clicked, this, &WgClientsPane::shareLink);
    connect(m_delete, &QPushButton::clicked, this, &WgClientsPane::deleteSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &WgClientsPane::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &WgClientsPane::showSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, &WgClientsPane::showSelected);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &WgClientsPane::showSelected);
    // A rename arrives with a read: the detail's title follows.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &WgClientsPane::showSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, &WgClientsPane::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &WgClientsPane::updateActions);
    connect(m_model, &WgClientModel::moreWanted, this, &WgClientsPane::readMore);
    m_refresh = new QTimer(this);
    m_refresh->setInterval(kWgClientsRefreshMs);
    connect(m_refresh, &QTimer::timeout, this, [this] {
        // Only while someone looks.
        if (isVisible())
            reload();
    });
    m_refresh->start();
    retranslateUi();
}

bool WgClientsPane::isAdmin() const
{
    return m_client && m_role.compare(QLatin1String("admin"), Qt::CaseInsensitive) == 0;
}

void WgClientsPane::setSession(client::ApiClient *client, const QString &role)
{
    m_client = client;
    m_role = client ? role : QString();
    m_detail->setSession(client);
    setServer(nullptr);
}

void WgClientsPane::setServer(const client::WgServerRow *server)
{
    const qint64 was = m_server.id;
    m_server = server ? *server : client::WgServerRow{};
    // First: the detail forgets the client before the table does.
    m_detail->setServer(m_server.id, m_server.name);
    if (m_server.id != was) {
        m_message.clear();
        m_listedServer = 0;
        m_model->clear();
        reload();
    }
    retranslateUi();
}

void WgClientsPane::reload()
{
    if (!m_client || m_server.id == 0 || m_reading)
        return;
    m_reading = true;
    // The pages the table shows (the first one when nothing is held yet):
    // a refresh reads those again, not every page scrolled past.
    int firstPage = 1;
    int lastPage = 1;
    if (m_model->rowCount() > 0) {
        const int top = qMax(0, m_view->rowAt(0));
        int bottom = m_view->rowAt(m_view->viewport()->height() - 1);
        if (bottom < 0) // fewer rows than fit, or not laid out: one page's worth
            bottom = qMin(m_model->rowCount() - 1, top + kWgClientsPageSize - 1);
        firstPage = top / kWgClientsPageSize + 1;
        lastPage = qMax(firstPage, bottom / kWgClientsPageSize + 1);
    }
    readPages(m_server.id, firstPage, lastPage, m_model->rowCount() == 0);
}

void WgClientsPane::readPages(qint64 serverId, int page, int lastPage, bool fresh)
{
    client::WgClientFilter filter;
    filter.serverId = serverId;
    filter.page.page = page;
    filter.page.size = kWgClientsPageSize;
    client::WireGuardApi(*m_client).clients(
        filter, client::within(this, [this, serverId, page, lastPage,
                                      fresh](Result<client::Page<client::WgClientRow>> r) {
            if (serverId != m_server.id || !m_client) {
                m_reading = false;
                return reload(); // another server was selected meanwhile
            }
            if (!r) {
                m_reading = false;
                return failed([] { return tr("The clients could not be read: %1"); }, r.error());
            }
            const int offset = (page - 1) * kWgClientsPageSize;
            // Clients added or deleted elsewhere (the count moved), or not the
            // rows held there: from the first page again.
            const bool same =
                !fresh && r->total == m_model->total() && m_model->updateClients(offset, r->items);
            if (!same && page > 1) {
                readPages(serverId, 1, 1, true);
                return;
            }
            if (!same)
                m_model->setClients(r->items, r->total);
            if (same && page < lastPage)
                return readPages(serverId, page + 1, lastPage, false);
            m_listedServer = serverId;
            readStatus(serverId);
        }));
}

void WgClientsPane::readStatus(qint64 serverId)
{
    client::WireGuardApi(*m_client).serverStatus(
        serverId, client::within(this, [this, serverId](Result<client::WgServerStatus> s) {
            m_reading = false;
            if (serverId != m_server.id)
                return reload(); // another server was selected meanwhile
            // Without the interface's view the rows stay as read.
            if (s)
                m_model->setStatus(*s);
            m_message.clear();
            retranslateUi();
        }));
}

void WgClientsPane::readMore(int offset)
{
    if (!m_client || m_server.id == 0)
        return;
    const qint64 serverId = m_server.id;
    const int serial = ++m_fetchSerial;
    client::WgClientFilter filter;
    filter.serverId = serverId;
    filter.page.page = offset / kWgClientsPageSize + 1;
    filter.page.size = kWgClientsPageSize;
    client::WireGuardApi(*m_client).clients(
        filter, client::within(this, [this, serverId, offset,
                                      serial](Result<client::Page<client::WgClientRow>> r) {
            // A newer page was asked for meanwhile: that one answers.
            if (serial != m_fetchSerial)
                return;
            // Another server, or the rows were read afresh meanwhile: this
            // page is not the next one; the view may ask again.
            if (serverId != m_server.id || m_model->rowCount() != offset) {
                m_model->fetchFailed();
                return;
            }
            if (!r) {
                m_model->fetchFailed();
                return failed([] { return tr("The clients could not be read: %1"); }, r.error());
            }
            if (r->total != m_model->total()) {
                // Added or deleted elsewhere: the offsets moved; start over.
                m_model->clear();
                reload();
                return;
            }
            m_model->appendClients(r->items);
        }));
}

void WgClientsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void WgClientsPane::retranslateUi()
{
    m_title->setText(m_server.id ? tr("Clients of %1").arg(m_server.name) : tr("Clients"));
    m_new->setText(tr("New client..."));
    m_edit->setText(tr("Edit client..."));
    m_config->setText(tr("Show config / QR..."));
    m_share->setText(tr("Share link..."));
    m_delete->setText(tr("Delete client..."));
    m_model->refreshTexts();
    const QString text = m_message.toString();
    const bool none =
        text.isEmpty() && m_server.id && m_listedServer == m_server.id && m_model->rowCount() == 0;
    if (none) {
        m_empty->setContent(
            {tr("No clients yet"),
             tr("Add one for each device that connects: a phone, a laptop, a router. Each "
                "gets its own keys and addresses, and a config to import or scan."),
             isAdmin() ? tr("New client...") : QString(),
             {}});
    }
    m_body->setCurrentWidget(none ? static_cast<QWidget *>(m_empty) : m_split);
    m_state->setText(text);
    m_state->setVisible(!text.isEmpty());
    m_state->setProperty("tone", m_message.isEmpty() ? QString() : QStringLiteral("bad"));
    // The style sheet reads the property when the label is polished again.
    m_state->style()->unpolish(m_state);
    m_state->style()->polish(m_state);
    updateActions();
}

const client::WgClientRow *WgClientsPane::selected() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->clientAt(rows.first().row());
}

void WgClientsPane::showSelected()
{
    // The client's traffic, or with none selected the server's.
    const client::WgClientRow *row = selected();
    m_detail->setClient(row ? row->id : 0, row ? row->name : QString());
}

void WgClientsPane::updateActions()
{
    const client::WgClientRow *row = selected();
    const QString why = !m_client ? tr("Sign in first.") : AdminText::adminsOnly(m_role);
    const QString select = tr("Select a client first.");
    const auto set = [](QPushButton *button, bool enabled, const QString &tip) {
        button->setEnabled(enabled);
        button->setToolTip(tip);
    };
    const bool admin = isAdmin();
    set(m_new, admin && m_server.id,
        !admin         ? why
        : !m_server.id ? tr("Select a server first.")
                       : tr("A new client of this server: keys, addresses and its config."));
    set(m_edit, admin && row,
        !admin ? why
        : row  ? tr("Change the client's name, DNS, keepalive, expiry or description.")
               : select);
    m_toggle->setText(row && !row->enabled ? tr("Enable") : tr("Disable"));
    set(m_toggle, admin && row,
        !admin         ? why
        : !row         ? select
        : row->enabled ? tr("Leave the client out of the interface; its keys and addresses stay.")
                       : tr("Let the client connect again."));
    // An imported client's private key stayed on its device: there is no
    // config to show.
    const bool imported = row && !row->hasPrivateKey;
    set(m_config, admin && row && !imported,
        !admin     ? why
        : !row     ? select
        : imported ? tr("Imported without its private key: its owner keeps its config")
                   : tr("The client's config with its private key, as text and QR code."));
    set(m_share, admin && row && !imported,
        !admin     ? why
        : !row     ? select
        : imported ? tr("Imported without its private key: its owner keeps its config")
                   : tr("A one-time link to the client's config for its owner; it expires."));
    set(m_delete, admin && row,
        !admin ? why
        : row  ? tr("Delete the client; its addresses are free again.")
               : select);
}

void WgClientsPane::failed(std::function<QString()> what, const hm::Error &error)
{
    m_message = LocalizedText(
        [what, error, role = m_role] { return what().arg(WgText::refusalText(error, role)); });
    retranslateUi();
}

void WgClientsPane::newClient()
{
    if (!m_client || !isAdmin() || !m_server.id)
        return;
    m_message.clear();
    WgClientDialog dialog(m_client, m_server, m_role, this);
    DialogSeam::exec(&dialog);
    if (!dialog.hasResult())
        return;
    m_model->upsert(dialog.clientRow());
    m_view->selectRow(m_model->rowOf(dialog.clientRow().id));
    emit clientsChanged();
    retranslateUi();
}

void WgClientsPane::editSelected()
{
    const client::WgClientRow *row = selected();
    if (!m_client || !row || !isAdmin())
        return;
    m_message.clear();
    WgClientDialog dialog(m_client, m_server, *row, m_role, this);
    DialogSeam::exec(&dialog);
    if (!dialog.hasResult())
        return;
    m_model->upsert(dialog.clientRow());
    m_view->selectRow(m_model->rowOf(dialog.clientRow().id));
    emit clientsChanged();
    retranslateUi();
}

void WgClientsPane::toggleSelected()
{
    const client::WgClientRow *row = selected();
    if (!m_client || !row || !isAdmin())
        return;
    m_message.clear();
    auto done = client::within(this, [this](Result<client::WgClientRow> r) {
        if (!r)
            return failed([] { return tr("The client was not changed: %1"); }, r.error());
        m_model->upsert(*r);
        retranslateUi();
    });
    client::WireGuardApi api(*m_client);
    if (row->enabled)
        api.disableClient(row->id, std::move(done));
    else
        api.enableClient(row->id, std::move(done));
}

void WgClientsPane::showConfig()
{
    const client::WgClientRow *row = selected();
    if (!m_client || !row || !isAdmin() || !row->hasPrivateKey)
        return;
    m_message.clear();
    const QString name = row->name;
    client::WireGuardApi(*m_client).clientConfig(
        row->id, client::within(this, [this, name](Result<QString> r) {
            if (!r)
                return failed([] { return tr("The config could not be read: %1"); }, r.error());
            WgConfigDialog dialog(name, *r, this);
            DialogSeam::exec(&dialog);
        }));
}

void WgClientsPane::shareLink()
{
    const client::WgClientRow *row = selected();
    if (!m_client || !row || !isAdmin() || !row->hasPrivateKey)
        return;
    m_message.clear();
    WgShareLinkDialog dialog(m_client, *row, this);
    DialogSeam::exec(&dialog);
}

void WgClientsPane::deleteSelected()
{
    const client::WgClientRow *row = selected();
    if (!m_client || !row || !isAdmin())
        return;
    m_message.clear();
    const qint64 id = row->id;
    if (!MessageBox::confirm(this, tr("Delete client"),
                             tr("Delete \"%1\"? Its device can no longer connect, and its config "
                                "stops working. This cannot be undone.")
                                 .arg(row->name),
                             tr("Delete"), QStringLiteral("vpn.confirmDeleteClient"),
                             MessageBox::Confirm::Destructive))
        return;
    client::WireGuardApi(*m_client).removeClient(
        id, client::within(this, [this, id](Result<void> r) {
            if (!r)
                return failed([] { return tr("The client was not deleted: %1"); }, r.error());
            m_model->remove(id);
            emit clientsChanged();
            retranslateUi();
        }));
}

} // namespace hm::app
