#include "vpn/BgpPane.h"

#include "client/BgpApi.h"
#include "client/ApiError.h"
#include "client/Within.h"
#include "vpn/BgpAnnouncementsPane.h"
#include "vpn/WgText.h"
#include "widgets/AdminText.h"
#include "widgets/FieldError.h"
#include "widgets/MessageBox.h"
#include "widgets/Retranslate.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSizePolicy>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace hm::app {

namespace {

constexpr int kBgpPageSize = 100;
constexpr int kBgpSessionColumns = 8;
constexpr int kBgpRouteColumns = 7;

QTableView *bgpTable(QWidget *parent, const char *name, QStandardItemModel *model)
{
    auto *view = new QTableView(parent);
    view->setObjectName(QLatin1String(name));
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QString bgpDuration(qint64 seconds)
{
    if (seconds <= 0)
        return QStringLiteral("–");
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    if (days > 0)
        return BgpPane::tr("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return BgpPane::tr("%1 h %2 min").arg(hours).arg(minutes);
    return BgpPane::tr("%1 min").arg(qMax<qint64>(minutes, 1));
}

bool isUnicastAddress(const QString &text)
{
    QHostAddress address;
    if (text.contains(u'/') || !address.setAddress(text))
        return false;
    return !address.isMulticast() && !address.isBroadcast() && !address.isNull()
           && address != QHostAddress::AnyIPv4 && address != QHostAddress::AnyIPv6;
}

class SessionDialog final : public widgets::Retranslating<QDialog>
{
public:
    SessionDialog(client::ApiClient *api, const client::BgpSessionRow &existing,
                  const QString &role, QWidget *parent)
        : Retranslating(parent), m_api(api), m_existing(existing), m_role(role)
    {
        setObjectName(QStringLiteral("vpn.bgpDialog"));
        setMinimumWidth(540);
        auto *layout = new QVBoxLayout(this);
        auto *form = new QFormLayout();
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        const auto row = [&](const QString &field, QWidget *edit, const char *caption) {
            edit->setObjectName(QStringLiteral("vpn.bgp.") + field);
            QLabel *label = nullptr;
            QLabel *error = nullptr;
            addFieldRow(form, &label, edit, &error,
                        QStringLiteral("vpn.bgp.") + field + QStringLiteral("Error"));
            m_captions.append({label, caption});
            m_errors.insert(field, error);
        };
        const auto spin = [this](int low, int high, int value) {
            auto *box = new QSpinBox(this);
            box->setRange(low, high);
            box->setGroupSeparatorShown(false);
            box->setValue(value);
            return box;
        };
        m_name = new QLineEdit(existing.name, this);
        m_name->setMaxLength(32);
        row(QStringLiteral("name"), m_name, QT_TRANSLATE_NOOP("hm::app::BgpPane", "&Name:"));
        m_neighbor = new QLineEdit(existing.neighbor, this);
        row(QStringLiteral("neighbor"), m_neighbor, QT_TRANSLATE_NOOP("hm::app::BgpPane", "N&eighbor:"));
        m_remoteAs = new QLineEdit(existing.remoteAs ? QString::number(existing.remoteAs)
                                                     : QString(),
                                   this);
        row(QStringLiteral("remote_as"), m_remoteAs, QT_TRANSLATE_NOOP("hm::app::BgpPane", "&Remote AS:"));
        m_localAs = new QLineEdit(existing.localAs ? QString::number(existing.localAs)
                                                   : QString(),
                                  this);
        row(QStringLiteral("local_as"), m_localAs, QT_TRANSLATE_NOOP("hm::app::BgpPane", "&Local AS:"));
        m_password = new QLineEdit(this);
        m_password->setEchoMode(QLineEdit::Password);
        m_password->setMaxLength(80);
        row(QStringLiteral("password"), m_password, QT_TRANSLATE_NOOP("hm::app::BgpPane", "&Password:"));
        m_removePassword = new QCheckBox(this);
        m_removePassword->setObjectName(QStringLiteral("vpn.bgp.removePassword"));
        m_removePassword->setVisible(existing.id && existing.hasPassword);
        form->addRow(QString(), m_removePassword);
        m_hold = spin(3, 65535, existing.id ? existing.holdTime : 90);
        row(QStringLiteral("hold_time"), m_hold, QT_TRANSLATE_NOOP("hm::app::BgpPane", "&Hold time:"));
        m_keepalive = spin(1, 65535, existing.id ? existing.keepalive : 30);
        row(QStringLiteral("keepalive"), m_keepalive, QT_TRANSLATE_NOOP("hm::app::BgpPane", "&Keepalive:"));
        m_retry = spin(1, 65535, existing.id ? existing.connectRetry : 120);
        row(QStringLiteral("connect_retry"), m_retry, QT_TRANSLATE_NOOP("hm::app::BgpPane", "Connect re&try:"));
        m_multihop = spin(0, 255, existing.multihop);
        row(QStringLiteral("multihop"), m_multihop, QT_TRANSLATE_NOOP("hm::app::BgpPane", "&Multihop TTL:"));
        m_ttl = new QCheckBox(this);
        m_ttl->setChecked(existing.ttlSecurity);
        row(QStringLiteral("ttl_security"), m_ttl, QT_TRANSLATE_NOOP("hm::app::BgpPane", "&Security:"));
        m_nextHop = new QLineEdit(existing.ipv6NextHop, this);
        row(QStringLiteral("ipv6_next_hop"), m_nextHop, QT_TRANSLATE_NOOP("hm::app::BgpPane", "IPv&6 next hop:"));
        m_enabled = new QCheckBox(this);
        m_enabled->setChecked(existing.id ? existing.enabled : true);
        row(QStringLiteral("enabled"), m_enabled, QT_TRANSLATE_NOOP("hm::app::BgpPane", "Ena&bled:"));
        m_description = new QLineEdit(existing.description, this);
        row(QStringLiteral("description"), m_description, QT_TRANSLATE_NOOP("hm::app::BgpPane", "D&escription:"));
        layout->addLayout(form);
        m_error = createFieldError(this, QStringLiteral("vpn.bgp.error"));
        layout->addWidget(m_error);
        m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("vpn.bgp.save"));
        layout->addWidget(m_buttons);
        connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { submit(); });
        connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        for (QLineEdit *edit : {m_name, m_neighbor, m_remoteAs, m_localAs, m_nextHop})
            connect(edit, &QLineEdit::textChanged, this, [this] { validate(); });
        for (QSpinBox *box : {m_hold, m_keepalive})
            connect(box, &QSpinBox::valueChanged, this, [this] { validate(); });
        connect(m_removePassword, &QCheckBox::toggled, m_password, &QWidget::setDisabled);
        retranslateUi();
    }

    client::BgpSessionRow stored;

private:
    // The open dialog follows a language change through Retranslating.
    void retranslateUi() override
    {
        const bool editing = m_existing.id != 0;
        setWindowTitle(editing ? BgpPane::tr("Edit BGP session") : BgpPane::tr("New BGP session"));
        for (const auto &[label, caption] : std::as_const(m_captions))
            label->setText(BgpPane::tr(caption));
        m_name->setPlaceholderText(BgpPane::tr("Letters, digits and _, e.g. upstream_a"));
        m_neighbor->setPlaceholderText(BgpPane::tr("e.g. 192.0.2.1 or 2001:db8::1"));
        m_password->setPlaceholderText(m_existing.hasPassword
                                           ? BgpPane::tr("Empty: keep the stored password")
                                           : BgpPane::tr("Optional (TCP-MD5)"));
        m_removePassword->setText(BgpPane::tr("Remove the stored password"));
        for (QSpinBox *box : {m_hold, m_keepalive, m_retry})
            box->setSuffix(BgpPane::tr(" s"));
        m_multihop->setSpecialValueText(BgpPane::tr("Direct (shared link)"));
        m_ttl->setText(BgpPane::tr("TTL security (GTSM)"));
        m_nextHop->setPlaceholderText(
            BgpPane::tr("Optional: for IPv6 over a multihop IPv4 session"));
        m_nextHop->setToolTip(
            BgpPane::tr("The IPv6 next hop announced with the IPv6 routes. Over an IPv4 "
                        "session BIRD takes the IPv6 address of the interface towards a direct "
                        "neighbor; a multihop session needs one here."));
        m_enabled->setText(BgpPane::tr("The session runs"));
        m_description->setPlaceholderText(BgpPane::tr("Optional"));
        m_buttons->button(QDialogButtonBox::Ok)
            ->setText(editing ? BgpPane::tr("Save") : BgpPane::tr("Create"));
        m_buttons->button(QDialogButtonBox::Cancel)->setText(BgpPane::tr("Cancel"));
        validate();
    }

    static bool isAs(const QString &text)
    {
        bool ok = false;
        const qulonglong value = text.trimmed().toULongLong(&ok);
        return ok && value >= 1 && value <= 4294967295ULL;
    }

    void validate()
    {
        const QString neighbor = m_neighbor->text().trimmed();
        const QString nextHop = m_nextHop->text().trimmed();
        static const QRegularExpression name(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,31}$"));
        const QHash<QString, QString> problems{
            {QStringLiteral("name"),
             m_name->text().isEmpty() || name.match(m_name->text()).hasMatch()
                 ? QString()
                 : BgpPane::tr("Letters, digits and _, not starting with a digit.")},
            {QStringLiteral("neighbor"),
             neighbor.isEmpty() || isUnicastAddress(neighbor)
                 ? QString()
                 : BgpPane::tr("One unicast IPv4 or IPv6 address.")},
            {QStringLiteral("remote_as"), m_remoteAs->text().isEmpty() || isAs(m_remoteAs->text())
                                              ? QString()
                                              : BgpPane::tr("An AS number, 1 to 4294967295.")},
            {QStringLiteral("local_as"), m_localAs->text().isEmpty() || isAs(m_localAs->text())
                                             ? QString()
                                             : BgpPane::tr("An AS number, 1 to 4294967295.")},
            {QStringLiteral("ipv6_next_hop"),
             nextHop.isEmpty() || (isUnicastAddress(nextHop) && nextHop.contains(u':'))
                 ? QString()
                 : BgpPane::tr("One unicast IPv6 address, or empty.")},
            {QStringLiteral("keepalive"),
             m_keepalive->value() < m_hold->value()
                 ? QString()
                 : BgpPane::tr("Shorter than the hold time.")}};
        bool fine = !m_name->text().isEmpty() && !neighbor.isEmpty()
                    && !m_remoteAs->text().isEmpty() && !m_localAs->text().isEmpty();
        for (auto it = problems.begin(); it != problems.end(); ++it) {
            setFieldError(m_errors.value(it.key()), it.value());
            fine = fine && it.value().isEmpty();
        }
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(fine && !m_sending);
    }

    void submit()
    {
        if (!m_api || m_sending || !m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
            return;
        const bool creating = m_existing.id == 0;
        client::BgpSessionChange c;
        const auto set = [creating](auto &field, const auto &value, const auto &old) {
            if (creating || value != old)
                field = value;
        };
        set(c.name, m_name->text().trimmed(), m_existing.name);
        set(c.neighbor, m_neighbor->text().trimmed(), m_existing.neighbor);
        set(c.remoteAs, qint64(m_remoteAs->text().trimmed().toLongLong()), m_existing.remoteAs);
        set(c.localAs, qint64(m_localAs->text().trimmed().toLongLong()), m_existing.localAs);
        set(c.holdTime, m_hold->value(), m_existing.holdTime);
        set(c.keepalive, m_keepalive->value(), m_existing.keepalive);
        set(c.connectRetry, m_retry->value(), m_existing.connectRetry);
        set(c.multihop, m_multihop->value(), m_existing.multihop);
        set(c.ttlSecurity, m_ttl->isChecked(), m_existing.ttlSecurity);
        set(c.enabled, m_enabled->isChecked(), m_existing.enabled);
        if (creating ? !m_nextHop->text().trimmed().isEmpty()
                     : m_nextHop->text().trimmed() != m_existing.ipv6NextHop)
            c.ipv6NextHop = m_nextHop->text().trimmed();
        if (creating ? !m_description->text().trimmed().isEmpty()
                     : m_description->text().trimmed() != m_existing.description)
            c.description = m_description->text().trimmed();
        // Write-only: empty keeps it; the checkbox removes it.
        if (m_removePassword->isVisible() && m_removePassword->isChecked())
            c.password = QString();
        else if (!m_password->text().isEmpty())
            c.password = m_password->text();
        m_sending = true;
        validate();
        setFieldError(m_error, {});
        auto answer = client::within(this, [this](Result<client::BgpSessionRow> r) {
            m_sending = false;
            validate();
            if (!r) {
                setFieldError(m_errors.value(WgText::refusalField(r.error()), m_error),
                              WgText::refusalText(r.error(), m_role));
                return;
            }
            stored = *r;
            accept();
        });
        if (creating)
            client::BgpApi(*m_api).createSession(c, std::move(answer));
        else
            client::BgpApi(*m_api).updateSession(m_existing.id, c, std::move(answer));
    }

    QPointer<client::ApiClient> m_api;
    client::BgpSessionRow m_existing;
    QString m_role;
    bool m_sending = false;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_neighbor = nullptr;
    QLineEdit *m_remoteAs = nullptr;
    QLineEdit *m_localAs = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_removePassword = nullptr;
    QSpinBox *m_hold = nullptr;
    QSpinBox *m_keepalive = nullptr;
    QSpinBox *m_retry = nullptr;
    QSpinBox *m_multihop = nullptr;
    QCheckBox *m_ttl = nullptr;
    QList<QPair<QLabel *, const char *>> m_captions; // source texts in BgpPane::tr()'s context
    QLineEdit *m_nextHop = nullptr;
    QCheckBox *m_enabled = nullptr;
    QLineEdit *m_description = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QHash<QString, QLabel *> m_errors;
};

} // namespace

BgpPane::BgpPane(QWidget *parent) : Retranslating(parent)
{
    setObjectName(QStringLiteral("vpn.bgp"));
    m_sessions = new QStandardItemModel(0, kBgpSessionColumns, this);
    m_routes = new QStandardItemModel(0, kBgpRouteColumns, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    auto *actions = new QHBoxLayout();
    const auto button = [this, actions](const char *name) {
        auto *b = new QPushButton(this);
        b->setObjectName(QLatin1String(name));
        actions->addWidget(b);
        return b;
    };
    m_new = button("vpn.bgp.new");
    m_edit = button("vpn.bgp.edit");
    m_startStop = button("vpn.bgp.startStop");
    m_delete = button("vpn.bgp.delete");
    actions->addStretch();
    layout->addLayout(actions);
    auto *split = new QSplitter(Qt::Vertical, this);
    // Asks for its minimum, not two tables' preferred heights: the page
    // under its tab bar must fit the smallest window (TestSectionFit).
    split->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);
    split->setMinimumHeight(240);
    split->setChildrenCollapsible(false);
    auto *top = new QWidget(split);
    auto *topLayout = new QVBoxLayout(top);
    // Room under the state lines: they sat on the splitters' grips.
    topLayout->setContentsMargins(0, 0, 0, 6);
    m_sessionView = bgpTable(top, "vpn.bgp.sessions", m_sessions);
    const int widths[] = {140, 180, 100, 100, 100, 90, 100};
    for (int c = 0; c < 7; ++c)
        m_sessionView->setColumnWidth(c, widths[c]);
    topLayout->addWidget(m_sessionView, 1);
    m_sessionsState = new QLabel(top);
    m_sessionsState->setObjectName(QStringLiteral("vpn.bgp.state"));
    m_sessionsState->setWordWrap(true);
    topLayout->addWidget(m_sessionsState);
    auto *bottom = new QWidget(split);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 8, 0, 6);
    m_routesTitle = new QLabel(bottom);
    m_routesTitle->setObjectName(QStringLiteral("vpn.bgp.routesTitle"));
    m_routesTitle->setProperty("hmStyle", QStringLiteral("editorTitle"));
    bottomLayout->addWidget(m_routesTitle);
    m_routeView = bgpTable(bottom, "vpn.bgp.routes", m_routes);
    const int routeWidths[] = {200, 180, 160, 90, 90, 70};
    for (int c = 0; c < 6; ++c)
        m_routeView->setColumnWidth(c, routeWidths[c]);
    bottomLayout->addWidget(m_routeView, 1);
    m_routesState = new QLabel(bottom);
    m_routesState->setObjectName(QStringLiteral("vpn.bgp.routesState"));
    m_routesState->setWordWrap(true);
    bottomLayout->addWidget(m_routesState);
    m_announcements = new BgpAnnouncementsPane(split);
    split->addWidget(top);
    split->addWidget(bottom);
    split->addWidget(m_announcements);
    layout->addWidget(split, 1);

    connect(m_new, &QPushButton::clicked, this, &BgpPane::newSession);
    connect(m_edit, &QPushButton::clicked, this, &BgpPane::editSession);
    connect(m_startStop, &QPushButton::clicked, this, &BgpPane::startStopSession);
    connect(m_delete, &QPushButton::clicked, this, &BgpPane::deleteSession);
    connect(m_sessionView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BgpPane::loadRoutes);
    retranslateUi();
}

bool BgpPane::isAdmin() const
{
    return m_client && m_role.compare(QLatin1String("admin"), Qt::CaseInsensitive) == 0;
}

void BgpPane::setSession(client::ApiClient *client, const QString &role)
{
    m_client = client;
    m_role = client ? role : QString();
    m_rows.clear();
    m_loaded = false;
    m_announcements->setSession(client, role); // read by reload()
    fillSessions();
    reload();
}

void BgpPane::reload()
{
    m_announcements->reload();
    if (!m_client) {
        retranslateUi();
        return;
    }
    client::BgpSessionFilter filter;
    filter.page.size = kBgpPageSize;
    client::BgpApi(*m_client).sessions(
        filter, client::within(this, [this](Result<client::Page<client::BgpSessionRow>> r) {
            m_loaded = true;
            if (!r) {
                failed([] { return tr("The BGP sessions could not be read: %1"); }, r.error());
                return;
            }
            m_message.clear();
            m_rows = r->items;
            fillSessions();
        }));
}

const client::BgpSessionRow *BgpPane::selectedSession() const
{
    const QModelIndexList rows = m_sessionView->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_rows.size())
        return nullptr;
    return &m_rows.at(rows.first().row());
}

void BgpPane::fillSessions()
{
    const qint64 keep = selectedSession() ? selectedSession()->id : 0;
    m_sessions->removeRows(0, m_sessions->rowCount());
    int selectRow = -1;
    for (const client::BgpSessionRow &row : std::as_const(m_rows)) {
        QList<QStandardItem *> cells;
        for (int c = 0; c < kBgpSessionColumns; ++c)
            cells << new QStandardItem();
        m_sessions->appendRow(cells);
        if (row.id == keep)
            selectRow = m_sessions->rowCount() - 1;
    }
    retranslateUi();
    if (selectRow < 0 && m_sessions->rowCount() > 0)
        selectRow = 0;
    if (selectRow >= 0)
        m_sessionView->selectRow(selectRow);
    else
        loadRoutes();
}

void BgpPane::loadRoutes()
{
    const client::BgpSessionRow *session = selectedSession();
    m_routeRows.clear();
    m_routesMessage.clear();
    m_routes->removeRows(0, m_routes->rowCount());
    retranslateUi();
    if (!session || !m_client)
        return;
    if (session->status == QLatin1String("unavailable")) {
        // Without BIRD the routes are 503: say so without asking.
        // Worded in retranslateUi(), so a language switch re-words it.
        retranslateUi();
        return;
    }
    client::BgpRouteFilter filter;
    filter.sessionId = session->id;
    filter.page.size = kBgpPageSize;
    const qint64 id = session->id;
    client::BgpApi(*m_client).routes(
        filter, client::within(this, [this, id](Result<client::Page<client::BgpRouteRow>> r) {
            const client::BgpSessionRow *now = selectedSession();
            if (!now || now->id != id)
                return;
            if (!r) {
                m_routesMessage = client::errorHttpStatus(r.error()) == 503
                                      ? tr("No routes to show: BIRD is not available.")
                                      : tr("The routes could not be read: %1")
                                            .arg(WgText::refusalText(r.error(), m_role));
                retranslateUi();
                return;
            }
            m_routeRows = r->items;
            for (int i = 0; i < m_routeRows.size(); ++i) {
                QList<QStandardItem *> cells;
                for (int c = 0; c < kBgpRouteColumns; ++c)
                    cells << new QStandardItem();
                m_routes->appendRow(cells);
            }
            retranslateUi();
        }));
}

QString BgpPane::unavailableText(const client::BgpSessionRow &row) const
{
    // The server's code in the user's language; its English words only for
    // BIRD's own error (or a reason this console does not know).
    const QString &reason = row.unavailableReason;
    if (reason == QLatin1String("BIRD_NOT_CONFIGURED"))
        return tr("the server has no BIRD control socket (its --bird-socket option)");
    if (reason == QLatin1String("BIRD_UNREACHABLE"))
        return tr("BIRD is not answering");
    if (reason == QLatin1String("NOT_IN_BIRD"))
        return tr("BIRD does not run this session yet");
    if (reason == QLatin1String("STARTING"))
        return tr("BIRD is starting the session");
    return row.lastError.isEmpty() ? tr("BIRD is not answering") : row.lastError;
}

QString BgpPane::statusText(const client::BgpSessionRow &row) const
{
    if (row.status == QLatin1String("unavailable"))
        return tr("Unavailable: %1").arg(unavailableText(row));
    if (row.status == QLatin1String("established"))
        return tr("Established");
    if (!row.enabled)
        return tr("Stopped (%1)").arg(row.status);
    return row.status;
}

void BgpPane::retranslateUi()
{
    m_new->setText(tr("New session..."));
    m_edit->setText(tr("Edit session..."));
    m_delete->setText(tr("Delete session..."));
    const client::BgpSessionRow *session = selectedSession();
    m_startStop->setText(session && session->enabled ? tr("Stop") : tr("Start"));
    // The status last: it stretches, with the reason when BIRD is not there.
    m_sessions->setHorizontalHeaderLabels({tr("Name"), tr("Neighbor"), tr("Remote AS"),
                                           tr("Local AS"), tr("Uptime"), tr("Received"),
                                           tr("Advertised"), tr("Status")});
    m_routes->setHorizontalHeaderLabels({tr("Prefix"), tr("Next hop"), tr("AS path"),
                                         tr("Origin"), tr("Local pref"), tr("MED"),
                                         tr("Communities")});
    const QLocale locale;
    for (int r = 0; r < m_rows.size() && r < m_sessions->rowCount(); ++r) {
        const client::BgpSessionRow &row = m_rows.at(r);
        const QStringList texts{row.name,
                                row.neighbor,
                                QString::number(row.remoteAs),
                                QString::number(row.localAs),
                                bgpDuration(row.uptime),
                                locale.toString(row.routesReceived),
                                locale.toString(row.routesAdvertised),
                                statusText(row)};
        for (int c = 0; c < texts.size(); ++c) {
            m_sessions->item(r, c)->setText(texts.at(c));
            m_sessions->item(r, c)->setToolTip(texts.at(c));
        }
        // BIRD's reason is long (it clipped at 1280 px): the cell says
        // "Unavailable", its tooltip and the line under the table say why.
        if (row.status == QLatin1String("unavailable"))
            m_sessions->item(r, kBgpSessionColumns - 1)->setText(tr("Unavailable"));
    }
    for (int r = 0; r < m_routeRows.size() && r < m_routes->rowCount(); ++r) {
        const client::BgpRouteRow &route = m_routeRows.at(r);
        const QStringList texts{route.prefix,
                                route.nextHop,
                                route.asPath,
                                route.origin,
                                route.localPref ? QString::number(*route.localPref) : QString(),
                                route.med ? QString::number(*route.med) : QString(),
                                route.communities.join(QStringLiteral(" "))};
        for (int c = 0; c < texts.size(); ++c)
            m_routes->item(r, c)->setText(texts.at(c));
    }
    QString state = m_message.toString();
    const auto unavailable =
        std::find_if(m_rows.cbegin(), m_rows.cend(), [](const client::BgpSessionRow &row) {
            return row.status == QLatin1String("unavailable");
        });
    const auto noNextHop =
        std::find_if(m_rows.cbegin(), m_rows.cend(), [](const client::BgpSessionRow &row) {
            return row.warnings.contains(QLatin1String("IPV6_NEXT_HOP_MISSING"));
        });
    if (state.isEmpty() && !m_client)
        state = tr("Sign in to see the BGP sessions.");
    else if (state.isEmpty() && unavailable != m_rows.cend())
        state = statusText(*unavailable);
    else if (state.isEmpty() && noNextHop != m_rows.cend())
        state = tr("%1 sends IPv6 routes without a next hop and the neighbor ignores them: "
                   "set its IPv6 next hop.")
                    .arg(noNextHop->name);
    else if (state.isEmpty() && m_loaded && m_rows.isEmpty())
        state = tr("No BGP sessions yet. A session peers with a neighbor router through BIRD "
                   "and announces the active IPv6 pools.");
    m_sessionsState->setText(state);
    m_sessionsState->setVisible(!state.isEmpty());
    m_routesTitle->setText(session ? tr("Routes of %1").arg(session->name) : tr("Routes"));
    QString routesState = m_routesMessage;
    if (routesState.isEmpty() && session && session->status == QLatin1String("unavailable"))
        routesState = tr("No routes to show: BIRD does not run this session (%1).")
                          .arg(unavailableText(*session));
    if (routesState.isEmpty())
        routesState = !session ? tr("Select a session to see its routes.")
                      : m_routeRows.isEmpty() ? tr("No routes received from this neighbor.")
                                              : QString();
    m_routesState->setText(routesState);
    m_routesState->setVisible(!routesState.isEmpty());
    updateActions();
}

void BgpPane::updateActions()
{
    const client::BgpSessionRow *session = selectedSession();
    const bool admin = isAdmin();
    const QString why = !m_client ? tr("Sign in first.") : AdminText::adminsOnly(m_role);
    const QString select = tr("Select a session first.");
    const auto set = [](QPushButton *b, bool enabled, const QString &tip) {
        b->setEnabled(enabled);
        b->setToolTip(tip);
    };
    set(m_new, admin, admin ? tr("A new BGP session with a neighbor router.") : why);
    set(m_edit, admin && session,
        !admin ? why : session ? tr("Change the session; BIRD is reconfigured.") : select);
    set(m_startStop, admin && session,
        !admin     ? why
        : !session ? select
        : session->enabled ? tr("Disable the session in BIRD; it stays stored.")
                           : tr("Enable the session in BIRD."));
    set(m_delete, admin && session,
        !admin ? why : session ? tr("Delete the session and remove it from BIRD.") : select);
}

void BgpPane::failed(std::function<QString()> what, const hm::Error &error)
{
    m_message = LocalizedText(
        [what, error, role = m_role] { return what().arg(WgText::refusalText(error, role)); });
    retranslateUi();
}

void BgpPane::newSession()
{
    if (!isAdmin())
        return;
    SessionDialog dialog(m_client, {}, m_role, this);
    if (DialogSeam::exec(&dialog) == QDialog::Accepted)
        reload();
}

void BgpPane::editSession()
{
    const client::BgpSessionRow *session = selectedSession();
    if (!isAdmin() || !session)
        return;
    SessionDialog dialog(m_client, *session, m_role, this);
    if (DialogSeam::exec(&dialog) == QDialog::Accepted)
        reload();
}

void BgpPane::startStopSession()
{
    const client::BgpSessionRow *session = selectedSession();
    if (!isAdmin() || !session)
        return;
    const bool stop = session->enabled;
    auto done = client::within(this, [this, stop](Result<client::BgpRunState> r) {
        if (!r) {
            failed(
                [stop] {
                    return stop ? tr("The session was not stopped: %1")
                                : tr("The session was not started: %1");
                },
                r.error());
            return;
        }
        reload();
    });
    if (stop)
        client::BgpApi(*m_client).stopSession(session->id, std::move(done));
    else
        client::BgpApi(*m_client).startSession(session->id, std::move(done));
}

void BgpPane::deleteSession()
{
    const client::BgpSessionRow *session = selectedSession();
    if (!isAdmin() || !session)
        return;
    const qint64 id = session->id;
    if (!MessageBox::confirm(this, tr("Delete BGP session"),
                             tr("Delete \"%1\" (neighbor %2)? BIRD drops the session and its "
                                "routes. This cannot be undone.")
                                 .arg(session->name, session->neighbor),
                             tr("Delete"), QStringLiteral("vpn.bgp.confirmDelete"),
                             MessageBox::Confirm::Destructive))
        return;
    client::BgpApi(*m_client).removeSession(id, client::within(this, [this](Result<void> r) {
        if (!r) {
            failed([] { return tr("The session was not deleted: %1"); }, r.error());
            return;
        }
        reload();
    }));
}

} // namespace hm::app
