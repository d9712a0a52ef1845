#include "vpn/Ipv6PoolsPane.h"

#include "client/Ipv6PoolsApi.h"
#include "client/WireGuardApi.h"
#include "client/Within.h"
#include "vpn/WgText.h"
#include "widgets/AdminText.h"
#include "widgets/FieldError.h"
#include "widgets/MessageBox.h"
#include "widgets/Retranslate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
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
#include <QRadioButton>
#include <QSizePolicy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <limits>

namespace hm::app {

namespace {

constexpr int kPoolsPageSize = 100;
// The server releases an expired allocation on its next pass (every 5 s,
// Ipv6PoolService::kExpiryCheckMs): read again this long after an expiry
// came, and again while one still shows past its time.
constexpr int kPoolsExpiryRecheckMs = 2500;
// The allocations table: its columns.
enum PoolAllocationColumn
{
    AllocClientColumn,
    AllocPrefixColumn,
    AllocAtColumn,
    AllocExpiresColumn,
    AllocDescriptionColumn,
    AllocColumnCount
};

// "2001:db8::/48" as an IPv6 prefix with its host bits zero.
bool isIpv6Prefix(const QString &text, int *length = nullptr)
{
    const qsizetype slash = text.indexOf(u'/');
    if (slash < 0)
        return false;
    bool numeric = false;
    const int bits = text.mid(slash + 1).toInt(&numeric);
    // parseSubnet() would clear the host bits: read the address as typed.
    const QHostAddress address(text.left(slash));
    if (!numeric || address.protocol() != QAbstractSocket::IPv6Protocol || bits < 0
        || bits > 128)
        return false;
    bool isV4 = false;
    address.toIPv4Address(&isV4);
    if (isV4)
        return false;
    const Q_IPV6ADDR bytes = address.toIPv6Address();
    for (int bit = bits; bit < 128; ++bit)
        if (bytes[bit / 8] & (0x80 >> (bit % 8)))
            return false;
    if (length)
        *length = bits;
    return true;
}

QTableView *poolTable(QWidget *parent, const char *name, QStandardItemModel *model)
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

} // namespace

Ipv6PoolsPane::Ipv6PoolsPane(QWidget *parent) : Retranslating(parent)
{
    setObjectName(QStringLiteral("vpn.pools"));
    m_pools = new QStandardItemModel(0, 6, this);
    m_allocations = new QStandardItemModel(0, AllocColumnCount, this);
    m_expiryCheck = new QTimer(this);
    m_expiryCheck->setSingleShot(true);
    connect(m_expiryCheck, &QTimer::timeout, this, &Ipv6PoolsPane::reload);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    auto *actions = new QHBoxLayout();
    const auto button = [this](QHBoxLayout *row, const char *name) {
        auto *b = new QPushButton(this);
        b->setObjectName(QLatin1String(name));
        row->addWidget(b);
        return b;
    };
    m_new = button(actions, "vpn.pools.new");
    m_edit = button(actions, "vpn.pools.edit");
    m_delete = button(actions, "vpn.pools.delete");
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
    // Room under the pools' state line: it sat on the splitter's grip.
    topLayout->setContentsMargins(0, 0, 0, 6);
    m_poolView = poolTable(top, "vpn.pools.list", m_pools);
    m_poolView->setColumnWidth(0, 160);
    m_poolView->setColumnWidth(1, 200);
    m_poolView->setColumnWidth(2, 120);
    m_poolView->setColumnWidth(3, 110);
    m_poolView->setColumnWidth(4, 200);
    topLayout->addWidget(m_poolView, 1);
    m_poolsState = new QLabel(top);
    m_poolsState->setObjectName(QStringLiteral("vpn.pools.state"));
    m_poolsState->setWordWrap(true);
    topLayout->addWidget(m_poolsState);

    auto *bottom = new QWidget(split);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 8, 0, 0);
    auto *allocationBar = new QHBoxLayout();
    m_allocationsTitle = new QLabel(bottom);
    m_allocationsTitle->setObjectName(QStringLiteral("vpn.pools.allocationsTitle"));
    m_allocationsTitle->setProperty("hmStyle", QStringLiteral("editorTitle"));
    allocationBar->addWidget(m_allocationsTitle, 1);
    m_delegate = button(allocationBar, "vpn.pools.delegate");
    m_release = button(allocationBar, "vpn.pools.release");
    bottomLayout->addLayout(allocationBar);
    m_allocationView = poolTable(bottom, "vpn.pools.allocations", m_allocations);
    m_allocationView->setColumnWidth(AllocClientColumn, 180);
    m_allocationView->setColumnWidth(AllocPrefixColumn, 240);
    m_allocationView->setColumnWidth(AllocAtColumn, 150);
    m_allocationView->setColumnWidth(AllocExpiresColumn, 230);
    bottomLayout->addWidget(m_allocationView, 1);
    m_allocationsState = new QLabel(bottom);
    m_allocationsState->setObjectName(QStringLiteral("vpn.pools.allocationsState"));
    m_allocationsState->setWordWrap(true);
    bottomLayout->addWidget(m_allocationsState);
    split->addWidget(top);
    split->addWidget(bottom);
    layout->addWidget(split, 1);

    connect(m_new, &QPushButton::clicked, this, &Ipv6PoolsPane::newPool);
    connect(m_edit, &QPushButton::clicked, this, &Ipv6PoolsPane::editPool);
    connect(m_delete, &QPushButton::clicked, this, &Ipv6PoolsPane::deletePool);
    connect(m_delegate, &QPushButton::clicked, this, &Ipv6PoolsPane::delegatePrefix);
    connect(m_release, &QPushButton::clicked, this, &Ipv6PoolsPane::releaseSelected);
    connect(m_poolView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &Ipv6PoolsPane::loadAllocations);
    connect(m_allocationView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &Ipv6PoolsPane::updateActions);
    retranslateUi();
}

QString Ipv6PoolsPane::countText(const QString &exact)
{
    bool fits = false;
    const qlonglong small = exact.toLongLong(&fits);
    if (fits && exact.size() <= 15)
        return QLocale().toString(small);
    // A power of two (every pool's total is): 2^N.
    QString digits = exact;
    int power = 0;
    while (digits != QLatin1String("1") && !digits.isEmpty()) {
        QString half;
        int carry = 0;
        bool even = true;
        for (const QChar c : std::as_const(digits)) {
            const int value = carry * 10 + c.digitValue();
            half += QChar(u'0' + value / 2);
            carry = value % 2;
        }
        even = carry == 0;
        if (!even)
            break;
        while (half.size() > 1 && half.startsWith(u'0'))
            half.remove(0, 1);
        digits = half;
        ++power;
    }
    if (digits == QLatin1String("1"))
        return QStringLiteral("2^%1").arg(power);
    const QString separator = QLocale().groupSeparator();
    QString grouped;
    for (int i = 0; i < exact.size(); ++i) {
        if (i > 0 && (exact.size() - i) % 3 == 0)
            grouped += separator;
        grouped += exact.at(i);
    }
    return grouped;
}

bool Ipv6PoolsPane::isAdmin() const
{
    return m_client && m_role.compare(QLatin1String("admin"), Qt::CaseInsensitive) == 0;
}

void Ipv6PoolsPane::setSession(client::ApiClient *client, const QString &role)
{
    m_client = client;
    m_role = client ? role : QString();
    m_rows.clear();
    m_allocationRows.clear();
    m_loaded = false;
    fillPools();
    reload();
}

void Ipv6PoolsPane::reload()
{
    if (!m_client) {
        retranslateUi();
        return;
    }
    client::Ipv6PoolFilter filter;
    filter.page.size = kPoolsPageSize;
    client::Ipv6PoolsApi(*m_client).pools(
        filter, client::within(this, [this](Result<client::Page<client::Ipv6PoolRow>> r) {
            m_loaded = true;
            if (!r) {
                failed([] { return tr("The pools could not be read: %1"); }, r.error());
                return;
            }
            m_message.clear();
            m_rows = r->items;
            fillPools();
        }));
}

const client::Ipv6PoolRow *Ipv6PoolsPane::selectedPool() const
{
    const QModelIndexList rows = m_poolView->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_rows.size())
        return nullptr;
    return &m_rows.at(rows.first().row());
}

void Ipv6PoolsPane::fillPools()
{
    const qint64 keep = selectedPool() ? selectedPool()->id : 0;
    m_pools->removeRows(0, m_pools->rowCount());
    int selectRow = -1;
    for (const client::Ipv6PoolRow &pool : std::as_const(m_rows)) {
        QList<QStandardItem *> cells;
        for (int i = 0; i < 6; ++i)
            cells << new QStandardItem();
        m_pools->appendRow(cells);
        if (pool.id == keep)
            selectRow = m_pools->rowCount() - 1;
    }
    retranslateUi();
    if (selectRow < 0 && m_pools->rowCount() > 0)
        selectRow = 0;
    if (selectRow >= 0)
        m_poolView->selectRow(selectRow);
    else
        loadAllocations();
}

void Ipv6PoolsPane::loadAllocations()
{
    const client::Ipv6PoolRow *pool = selectedPool();
    m_allocationRows.clear();
    m_allocations->removeRows(0, m_allocations->rowCount());
    retranslateUi();
    if (!pool || !m_client)
        return;
    client::Ipv6AllocationFilter filter;
    filter.poolId = pool->id;
    filter.page.size = kPoolsPageSize;
    const qint64 poolId = pool->id;
    client::Ipv6PoolsApi(*m_client).allocations(
        filter, client::within(this, [this, poolId](
                                         Result<client::Page<client::Ipv6AllocationRow>> r) {
            const client::Ipv6PoolRow *now = selectedPool();
            if (!now || now->id != poolId)
                return;
            if (!r) {
                failed([] { return tr("The allocations could not be read: %1"); }, r.error());
                return;
            }
            m_allocationRows = r->items;
            m_allocations->removeRows(0, m_allocations->rowCount());
            for (int i = 0; i < m_allocationRows.size(); ++i) {
                QList<QStandardItem *> cells;
                for (int c = 0; c < AllocColumnCount; ++c)
                    cells << new QStandardItem();
                m_allocations->appendRow(cells);
            }
            scheduleExpiryCheck();
            retranslateUi();
        }));
}

void Ipv6PoolsPane::retranslateUi()
{
    m_new->setText(tr("New pool..."));
    m_edit->setText(tr("Edit pool..."));
    m_delete->setText(tr("Delete pool..."));
    m_delegate->setText(tr("Delegate prefix..."));
    m_release->setText(tr("Release..."));
    m_pools->setHorizontalHeaderLabels({tr("Name"), tr("Prefix"), tr("Delegated length"),
                                        tr("Allocated"), tr("Available"), tr("Status")});
    m_allocations->setHorizontalHeaderLabels(
        {tr("Client"), tr("Prefix"), tr("Allocated at"), tr("Expires"), tr("Description")});
    const QLocale locale;
    for (int row = 0; row < m_rows.size() && row < m_pools->rowCount(); ++row) {
        const client::Ipv6PoolRow &pool = m_rows.at(row);
        const QStringList texts{pool.name,
                                pool.prefix,
                                QStringLiteral("/%1").arg(pool.prefixLength),
                                locale.toString(pool.allocatedPrefixes),
                                tr("%1 of %2").arg(countText(pool.availableExact),
                                                   countText(pool.totalExact)),
                                pool.status == QLatin1String("active") ? tr("Active")
                                                                       : tr("Disabled")};
        const bool active = pool.status == QLatin1String("active");
        for (int c = 0; c < texts.size(); ++c) {
            QStandardItem *item = m_pools->item(row, c);
            item->setText(texts.at(c));
            item->setToolTip(
                c == 4 ? tr("%1 of %2 prefixes available").arg(pool.availableExact, pool.totalExact)
                : c == 5 ? (active ? tr("Active: prefixes are delegated from it and "
                                        "it is announced over BGP.")
                                   : tr("Disabled: nothing new is delegated from "
                                        "it and it is not announced over BGP; its "
                                        "delegated prefixes stay."))
                         : texts.at(c));
            // A disabled pool's row in the palette's disabled text colour.
            item->setData(active ? QVariant()
                                 : QVariant(palette().brush(QPalette::Disabled, QPalette::Text)),
                          Qt::ForegroundRole);
        }
    }
    for (int row = 0; row < m_allocationRows.size() && row < m_allocations->rowCount(); ++row) {
        const client::Ipv6AllocationRow &a = m_allocationRows.at(row);
        const QStringList texts{
            a.clientId ? a.clientName : tr("%1 (no WireGuard client)").arg(a.clientName),
            a.allocatedPrefix,
            locale.toString(a.allocatedAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")),
            expiryText(a.expiresAt), a.description};
        for (int c = 0; c < texts.size(); ++c) {
            m_allocations->item(row, c)->setText(texts.at(c));
            m_allocations->item(row, c)->setToolTip(texts.at(c));
        }
    }
    QString state = m_message.toString();
    if (state.isEmpty() && !m_client)
        state = tr("Sign in to see the IPv6 prefix pools.");
    else if (state.isEmpty() && m_loaded && m_rows.isEmpty())
        state = tr("No IPv6 prefix pools yet. A pool is a prefix (e.g. 2001:db8::/48) cut "
                   "into prefixes of one length (e.g. /56) delegated to clients.");
    m_poolsState->setText(state);
    m_poolsState->setVisible(!state.isEmpty());
    const client::Ipv6PoolRow *pool = selectedPool();
    m_allocationsTitle->setText(pool ? tr("Prefixes delegated from %1").arg(pool->name)
                                     : tr("Delegated prefixes"));
    const QString allocationsState =
        !pool                        ? tr("Select a pool to see its delegated prefixes.")
        : m_allocationRows.isEmpty() ? tr("No prefix of this pool is delegated yet.")
                                     : QString();
    m_allocationsState->setText(allocationsState);
    m_allocationsState->setVisible(!allocationsState.isEmpty());
    updateActions();
}

void Ipv6PoolsPane::updateActions()
{
    const client::Ipv6PoolRow *pool = selectedPool();
    const bool allocation = !m_allocationView->selectionModel()->selectedRows().isEmpty();
    const bool admin = isAdmin();
    const QString why = !m_client ? tr("Sign in first.") : AdminText::adminsOnly(m_role);
    const QString select = tr("Select a pool first.");
    const auto set = [](QPushButton *b, bool enabled, const QString &tip) {
        b->setEnabled(enabled);
        b->setToolTip(tip);
    };
    set(m_new, admin, admin ? tr("A new pool: a prefix cut into prefixes of one length.") : why);
    set(m_edit, admin && pool,
        !admin ? why : pool ? tr("Change the pool; its prefix only while none is delegated.")
                            : select);
    set(m_delete, admin && pool,
        !admin ? why : pool ? tr("Delete the pool and release its delegated prefixes.") : select);
    set(m_delegate, admin && pool && pool->status == QLatin1String("active"),
        !admin  ? why
        : !pool ? select
        : pool->status != QLatin1String("active")
            ? tr("The pool is disabled.")
            : tr("Delegate a prefix of this pool to a WireGuard client or a name."));
    set(m_release, admin && allocation,
        !admin       ? why
        : allocation ? tr("Release the prefix: it is free for the next delegation.")
                     : tr("Select a delegated prefix first."));
}

QString Ipv6PoolsPane::expiryText(const QDateTime &expiresAt)
{
    if (!expiresAt.isValid())
        return tr("Never");
    const QString at =
        QLocale().toString(expiresAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"));
    // Past its time: the server releases it on its next pass.
    return expiresAt <= QDateTime::currentDateTimeUtc() ? tr("%1 (expired, being released)").arg(at)
                                                        : at;
}

void Ipv6PoolsPane::scheduleExpiryCheck()
{
    m_expiryCheck->stop();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 soonest = -1;
    for (const client::Ipv6AllocationRow &a : std::as_const(m_allocationRows)) {
        if (!a.expiresAt.isValid())
            continue;
        const qint64 wait = qMax<qint64>(0, now.msecsTo(a.expiresAt)) + kPoolsExpiryRecheckMs;
        if (soonest < 0 || wait < soonest)
            soonest = wait;
    }
    // A timer holds an int; a far expiry is checked again by a later read.
    if (soonest >= 0 && soonest < std::numeric_limits<int>::max())
        m_expiryCheck->start(int(soonest));
}

void Ipv6PoolsPane::failed(std::function<QString()> what, const hm::Error &error)
{
    m_message = LocalizedText(
        [what, error, role = m_role] { return what().arg(WgText::refusalText(error, role)); });
    retranslateUi();
}

namespace {

// The pool dialog: new (existing.id == 0) or changing one. Returns the
// stored pool through `done`.
class PoolDialog final : public widgets::Retranslating<QDialog>
{
public:
    PoolDialog(client::ApiClient *api, const client::Ipv6PoolRow &existing, const QString &role,
               QWidget *parent)
        : Retranslating(parent), m_api(api), m_existing(existing), m_role(role)
    {
        setObjectName(QStringLiteral("vpn.poolDialog"));
        setMinimumWidth(520);
        auto *layout = new QVBoxLayout(this);
        auto *form = new QFormLayout();
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        const auto row = [&](const QString &field, QWidget *edit) {
            edit->setObjectName(QStringLiteral("vpn.pool.") + field);
            QLabel *caption = nullptr;
            QLabel *error = nullptr;
            addFieldRow(form, &caption, edit, &error,
                        QStringLiteral("vpn.pool.") + field + QStringLiteral("Error"));
            m_captions.insert(field, caption);
            m_errors.insert(field, error);
        };
        m_name = new QLineEdit(existing.name, this);
        m_name->setMaxLength(64);
        row(QStringLiteral("name"), m_name);
        m_prefix = new QLineEdit(existing.prefix, this);
        m_prefix->setMaxLength(64);
        row(QStringLiteral("prefix"), m_prefix);
        m_length = new QSpinBox(this);
        m_length->setRange(1, 128);
        m_length->setValue(existing.id ? existing.prefixLength : 64);
        m_length->setPrefix(QStringLiteral("/"));
        row(QStringLiteral("prefix_length"), m_length);
        m_reserved = new QSpinBox(this);
        m_reserved->setRange(0, 1000000);
        m_reserved->setGroupSeparatorShown(false);
        m_reserved->setValue(int(existing.reservedPrefixes));
        row(QStringLiteral("reserved_prefixes"), m_reserved);
        m_auto = new QCheckBox(this);
        m_auto->setChecked(existing.id ? existing.autoAssign : true);
        row(QStringLiteral("auto_assign"), m_auto);
        m_status = new QComboBox(this);
        m_status->addItem(QString(), QStringLiteral("active"));
        m_status->addItem(QString(), QStringLiteral("disabled"));
        m_status->setCurrentIndex(existing.status == QLatin1String("disabled") ? 1 : 0);
        row(QStringLiteral("status"), m_status);
        m_description = new QLineEdit(existing.description, this);
        m_description->setMaxLength(256);
        row(QStringLiteral("description"), m_description);
        layout->addLayout(form);
        m_error = createFieldError(this, QStringLiteral("vpn.pool.error"));
        layout->addWidget(m_error);
        m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("vpn.pool.save"));
        layout->addWidget(m_buttons);
        showChecksOnBlockedAccept(this, m_buttons->button(QDialogButtonBox::Ok));
        connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { submit(); });
        connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        for (QLineEdit *edit : {m_name, m_prefix})
            connect(edit, &QLineEdit::textChanged, this, [this] { validate(); });
        connect(m_length, &QSpinBox::valueChanged, this, [this] { validate(); });
        const bool frozen = existing.id && existing.allocatedPrefixes > 0;
        m_prefix->setReadOnly(frozen);
        m_length->setEnabled(!frozen);
        retranslateUi();
    }

    client::Ipv6PoolRow stored;

private:
    // The open dialog follows a language change through Retranslating.
    void retranslateUi() override
    {
        setWindowTitle(m_existing.id ? Ipv6PoolsPane::tr("Edit IPv6 pool")
                                     : Ipv6PoolsPane::tr("New IPv6 pool"));
        const QHash<QString, QString> captions{
            {QStringLiteral("name"), Ipv6PoolsPane::tr("&Name:")},
            {QStringLiteral("prefix"), Ipv6PoolsPane::tr("&Prefix:")},
            {QStringLiteral("prefix_length"), Ipv6PoolsPane::tr("&Delegated length:")},
            {QStringLiteral("reserved_prefixes"), Ipv6PoolsPane::tr("&Reserved prefixes:")},
            {QStringLiteral("auto_assign"), Ipv6PoolsPane::tr("&Automatic:")},
            {QStringLiteral("status"), Ipv6PoolsPane::tr("&Status:")},
            {QStringLiteral("description"), Ipv6PoolsPane::tr("D&escription:")}};
        for (auto it = captions.begin(); it != captions.end(); ++it)
            m_captions.value(it.key())->setText(it.value());
        m_prefix->setPlaceholderText(Ipv6PoolsPane::tr("e.g. 2001:db8::/48"));
        m_auto->setText(Ipv6PoolsPane::tr("Hand out the lowest free prefix when none is given"));
        m_status->setItemText(0, Ipv6PoolsPane::tr("Active"));
        m_status->setItemText(1, Ipv6PoolsPane::tr("Disabled"));
        m_status->setToolTip(Ipv6PoolsPane::tr("A disabled pool delegates nothing new and is not "
                                               "announced over BGP; its delegated prefixes stay."));
        m_description->setPlaceholderText(Ipv6PoolsPane::tr("Optional"));
        m_buttons->button(QDialogButtonBox::Ok)
            ->setText(m_existing.id ? Ipv6PoolsPane::tr("Save") : Ipv6PoolsPane::tr("Create"));
        m_buttons->button(QDialogButtonBox::Cancel)->setText(Ipv6PoolsPane::tr("Cancel"));
        validate();
    }

    void validate()
    {
        int poolLength = -1;
        const QString prefix = m_prefix->text().trimmed();
        const bool prefixOk = isIpv6Prefix(prefix, &poolLength);
        const QHash<QString, QString> problems{
            {QStringLiteral("name"), m_name->text().trimmed().isEmpty()
                                         ? Ipv6PoolsPane::tr("A pool needs a name.")
                                         : QString()},
            {QStringLiteral("prefix"),
             prefix.isEmpty() || prefixOk
                 ? QString()
                 : Ipv6PoolsPane::tr("An IPv6 prefix with its host bits zero, e.g. "
                                     "2001:db8::/48.")},
            {QStringLiteral("prefix_length"),
             prefixOk && m_length->value() < poolLength
                 ? Ipv6PoolsPane::tr("At least the pool's own length, /%1.").arg(poolLength)
                 : QString()}};
        bool fine = !prefix.isEmpty();
        for (auto it = problems.begin(); it != problems.end(); ++it) {
            setFieldCheck(m_errors.value(it.key()), it.value());
            fine = fine && it.value().isEmpty();
        }
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(fine && !m_sending);
    }

    void submit()
    {
        if (!m_api || m_sending || !m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
            return;
        client::Ipv6PoolChange change;
        const auto differs = [](const auto &a, const auto &b, bool creating) {
            return creating || a != b;
        };
        const bool creating = m_existing.id == 0;
        if (differs(m_name->text().trimmed(), m_existing.name, creating))
            change.name = m_name->text().trimmed();
        if (differs(m_prefix->text().trimmed(), m_existing.prefix, creating))
            change.prefix = m_prefix->text().trimmed();
        if (differs(m_length->value(), m_existing.prefixLength, creating))
            change.prefixLength = m_length->value();
        if (differs(qint64(m_reserved->value()), m_existing.reservedPrefixes, creating))
            change.reservedPrefixes = m_reserved->value();
        if (differs(m_auto->isChecked(), m_existing.autoAssign, creating))
            change.autoAssign = m_auto->isChecked();
        const QString status = m_status->currentData().toString();
        if (differs(status, m_existing.status, creating))
            change.status = status;
        if (differs(m_description->text().trimmed(), m_existing.description, creating)
            && !(creating && m_description->text().trimmed().isEmpty()))
            change.description = m_description->text().trimmed();
        m_sending = true;
        validate();
        setFieldError(m_error, {});
        auto answer = client::within(this, [this](Result<client::Ipv6PoolRow> r) {
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
            client::Ipv6PoolsApi(*m_api).createPool(change, std::move(answer));
        else
            client::Ipv6PoolsApi(*m_api).updatePool(m_existing.id, change, std::move(answer));
    }

    QPointer<client::ApiClient> m_api;
    client::Ipv6PoolRow m_existing;
    QString m_role;
    bool m_sending = false;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_prefix = nullptr;
    QSpinBox *m_length = nullptr;
    QSpinBox *m_reserved = nullptr;
    QCheckBox *m_auto = nullptr;
    QComboBox *m_status = nullptr;
    QLineEdit *m_description = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QHash<QString, QLabel *> m_captions;
    QHash<QString, QLabel *> m_errors;
};

// Delegating a prefix: a WireGuard client (picked) or a free name;
// automatic or a given prefix.
class DelegateDialog final : public widgets::Retranslating<QDialog>
{
public:
    DelegateDialog(client::ApiClient *api, const client::Ipv6PoolRow &pool, const QString &role,
                   QWidget *parent)
        : Retranslating(parent), m_api(api), m_pool(pool), m_role(role)
    {
        setObjectName(QStringLiteral("vpn.delegateDialog"));
        setMinimumWidth(640);
        auto *layout = new QVBoxLayout(this);
        auto *form = new QFormLayout();
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        const auto row = [&](const QString &field, QWidget *edit, const char *caption) {
            edit->setObjectName(QStringLiteral("vpn.delegate.") + field);
            QLabel *label = nullptr;
            QLabel *error = nullptr;
            addFieldRow(form, &label, edit, &error,
                        QStringLiteral("vpn.delegate.") + field + QStringLiteral("Error"));
            m_captions.append({label, caption});
            m_errors.insert(field, error);
        };
        m_clients = new QComboBox(this);
        m_clients->addItem(QString(), 0); // "(a name, no WireGuard client)"
        row(QStringLiteral("client_id"), m_clients,
            QT_TRANSLATE_NOOP("hm::app::Ipv6PoolsPane", "WireGuard &client:"));
        m_name = new QLineEdit(this);
        m_name->setMaxLength(64);
        row(QStringLiteral("client_name"), m_name,
            QT_TRANSLATE_NOOP("hm::app::Ipv6PoolsPane", "&Name:"));
        m_custom = new QCheckBox(this);
        m_custom->setObjectName(QStringLiteral("vpn.delegate.custom"));
        m_prefix = new QLineEdit(this);
        m_prefix->setEnabled(false);
        auto *prefixRow = new QWidget(this);
        auto *prefixLayout = new QHBoxLayout(prefixRow);
        prefixLayout->setContentsMargins(0, 0, 0, 0);
        prefixLayout->addWidget(m_custom);
        prefixLayout->addWidget(m_prefix, 1);
        m_prefix->setObjectName(QStringLiteral("vpn.delegate.prefix"));
        row(QStringLiteral("custom_prefix"), prefixRow,
            QT_TRANSLATE_NOOP("hm::app::Ipv6PoolsPane", "&Prefix:"));
        // None by default; a local date and time when set.
        auto *expiryRow = new QWidget(this);
        auto *expiryLayout = new QHBoxLayout(expiryRow);
        expiryLayout->setContentsMargins(0, 0, 0, 0);
        m_expires = new QCheckBox(expiryRow);
        m_expires->setObjectName(QStringLiteral("vpn.delegate.expires"));
        m_expiry = new QDateTimeEdit(QDateTime::currentDateTime().addDays(30), expiryRow);
        m_expiry->setObjectName(QStringLiteral("vpn.delegate.expiry"));
        m_expiry->setCalendarPopup(true);
        // ISO order in every language, as the client dialog's expiry.
        m_expiry->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        m_expiry->setEnabled(false);
        expiryLayout->addWidget(m_expires);
        expiryLayout->addWidget(m_expiry, 1);
        row(QStringLiteral("expires_at"), expiryRow,
            QT_TRANSLATE_NOOP("hm::app::Ipv6PoolsPane", "E&xpiry:"));
        m_description = new QLineEdit(this);
        row(QStringLiteral("description"), m_description,
            QT_TRANSLATE_NOOP("hm::app::Ipv6PoolsPane", "D&escription:"));
        layout->addLayout(form);
        m_error = createFieldError(this, QStringLiteral("vpn.delegate.error"));
        layout->addWidget(m_error);
        m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        m_buttons->button(QDialogButtonBox::Ok)
            ->setObjectName(QStringLiteral("vpn.delegate.save"));
        layout->addWidget(m_buttons);
        showChecksOnBlockedAccept(this, m_buttons->button(QDialogButtonBox::Ok));
        connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { submit(); });
        connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        connect(m_custom, &QCheckBox::toggled, m_prefix, &QWidget::setEnabled);
        connect(m_custom, &QCheckBox::toggled, this, [this] { validate(); });
        connect(m_expires, &QCheckBox::toggled, m_expiry, &QWidget::setEnabled);
        connect(m_expires, &QCheckBox::toggled, this, [this] { validate(); });
        connect(m_expiry, &QDateTimeEdit::dateTimeChanged, this, [this] { validate(); });
        connect(m_prefix, &QLineEdit::textChanged, this, [this] { validate(); });
        connect(m_name, &QLineEdit::textChanged, this, [this] { validate(); });
        connect(m_clients, &QComboBox::currentIndexChanged, this, [this] { validate(); });
        if (m_api) {
            client::WgClientFilter filter;
            filter.page.size = 100;
            client::WireGuardApi(*m_api).clients(
                filter,
                client::within(this, [this](Result<client::Page<client::WgClientRow>> r) {
                    if (!r)
                        return;
                    for (const client::WgClientRow &c : r->items)
                        m_clients->addItem(c.name, c.id);
                    // The first WireGuard client picked: a delegation is
                    // mostly for one.
                    if (m_clients->count() > 1 && m_clients->currentIndex() == 0
                        && m_name->text().isEmpty())
                        m_clients->setCurrentIndex(1);
                }));
        }
        retranslateUi();
    }

    client::Ipv6AllocationRow stored;

private:
    // The open dialog follows a language change through Retranslating.
    void retranslateUi() override
    {
        setWindowTitle(Ipv6PoolsPane::tr("Delegate a prefix of %1").arg(m_pool.name));
        for (const auto &[label, caption] : std::as_const(m_captions))
            label->setText(Ipv6PoolsPane::tr(caption));
        m_clients->setItemText(0, Ipv6PoolsPane::tr("(a name, no WireGuard client)"));
        m_name->setPlaceholderText(Ipv6PoolsPane::tr("The name the prefix is delegated to"));
        m_custom->setText(Ipv6PoolsPane::tr("A given prefix"));
        m_expires->setText(Ipv6PoolsPane::tr("Expires on"));
        m_expires->setToolTip(Ipv6PoolsPane::tr("At this time the server releases the prefix by "
                                                "itself; unset, it stays until released."));
        m_prefix->setPlaceholderText(Ipv6PoolsPane::tr("Automatic: the lowest free /%1 of %2")
                                         .arg(m_pool.prefixLength)
                                         .arg(m_pool.prefix));
        m_description->setPlaceholderText(Ipv6PoolsPane::tr("Optional"));
        m_buttons->button(QDialogButtonBox::Ok)->setText(Ipv6PoolsPane::tr("Delegate"));
        m_buttons->button(QDialogButtonBox::Cancel)->setText(Ipv6PoolsPane::tr("Cancel"));
        validate();
    }

    void validate()
    {
        const bool byName = m_clients->currentData().toLongLong() == 0;
        m_name->setEnabled(byName);
        const QString prefix = m_prefix->text().trimmed();
        int length = -1;
        const QString nameProblem = byName && m_name->text().trimmed().isEmpty()
                                        ? Ipv6PoolsPane::tr("Pick a client or give a name.")
                                        : QString();
        const QString prefixProblem =
            m_custom->isChecked() && !prefix.isEmpty()
                    && (!isIpv6Prefix(prefix, &length) || length != m_pool.prefixLength)
                ? Ipv6PoolsPane::tr("A /%1 of %2 with its host bits zero.")
                      .arg(m_pool.prefixLength)
                      .arg(m_pool.prefix)
                : QString();
        // Checked as typed: an expiry must lie ahead (the server checks again).
        const QString expiryProblem =
            m_expires->isChecked() && m_expiry->dateTime() <= QDateTime::currentDateTime()
                ? Ipv6PoolsPane::tr("The expiry must be in the future.")
                : QString();
        setFieldCheck(m_errors.value(QStringLiteral("client_name")), nameProblem);
        setFieldCheck(m_errors.value(QStringLiteral("custom_prefix")), prefixProblem);
        setFieldCheck(m_errors.value(QStringLiteral("expires_at")), expiryProblem);
        m_buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(nameProblem.isEmpty() && prefixProblem.isEmpty() &&
                         expiryProblem.isEmpty() && !m_sending &&
                         (!m_custom->isChecked() || !prefix.isEmpty()));
    }

    void submit()
    {
        if (!m_api || m_sending || !m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
            return;
        client::Ipv6AllocationRequest request;
        request.poolId = m_pool.id;
        request.clientId = m_clients->currentData().toLongLong();
        request.clientName = m_name->text().trimmed();
        if (m_custom->isChecked())
            request.customPrefix = m_prefix->text().trimmed();
        request.description = m_description->text().trimmed();
        if (m_expires->isChecked())
            request.expiresAt = m_expiry->dateTime().toUTC();
        m_sending = true;
        validate();
        setFieldError(m_error, {});
        client::Ipv6PoolsApi(*m_api).allocate(
            request, client::within(this, [this](Result<client::Ipv6AllocationRow> r) {
                m_sending = false;
                validate();
                if (!r) {
                    setFieldError(m_errors.value(WgText::refusalField(r.error()), m_error),
                                  WgText::refusalText(r.error(), m_role));
                    return;
                }
                stored = *r;
                accept();
            }));
    }

    QPointer<client::ApiClient> m_api;
    client::Ipv6PoolRow m_pool;
    QString m_role;
    bool m_sending = false;
    QList<QPair<QLabel *, const char *>> m_captions; // in Ipv6PoolsPane::tr()'s context
    QComboBox *m_clients = nullptr;
    QLineEdit *m_name = nullptr;
    QCheckBox *m_custom = nullptr;
    QLineEdit *m_prefix = nullptr;
    QCheckBox *m_expires = nullptr;
    QDateTimeEdit *m_expiry = nullptr;
    QLineEdit *m_description = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QHash<QString, QLabel *> m_errors;
};

} // namespace

void Ipv6PoolsPane::newPool()
{
    if (!isAdmin())
        return;
    PoolDialog dialog(m_client, {}, m_role, this);
    if (DialogSeam::exec(&dialog) == QDialog::Accepted)
        reload();
}

void Ipv6PoolsPane::editPool()
{
    const client::Ipv6PoolRow *pool = selectedPool();
    if (!isAdmin() || !pool)
        return;
    PoolDialog dialog(m_client, *pool, m_role, this);
    if (DialogSeam::exec(&dialog) == QDialog::Accepted)
        reload();
}

void Ipv6PoolsPane::deletePool()
{
    const client::Ipv6PoolRow *pool = selectedPool();
    if (!isAdmin() || !pool)
        return;
    const qint64 id = pool->id;
    const QString text =
        pool->allocatedPrefixes > 0
            ? tr("Delete \"%1\"? Its %2 delegated prefixes are released with it; their clients "
                 "lose them. This cannot be undone.")
                  .arg(pool->name)
                  .arg(pool->allocatedPrefixes)
            : tr("Delete \"%1\"? This cannot be undone.").arg(pool->name);
    if (!MessageBox::confirm(this, tr("Delete IPv6 pool"), text, tr("Delete"),
                             QStringLiteral("vpn.pools.confirmDelete"),
                             MessageBox::Confirm::Destructive))
        return;
    client::Ipv6PoolsApi(*m_client).removePool(id, true, client::within(this, [this](Result<void> r) {
        if (!r) {
            failed([] { return tr("The pool was not deleted: %1"); }, r.error());
            return;
        }
        reload();
    }));
}

void Ipv6PoolsPane::delegatePrefix()
{
    const client::Ipv6PoolRow *pool = selectedPool();
    if (!isAdmin() || !pool)
        return;
    DelegateDialog dialog(m_client, *pool, m_role, this);
    if (DialogSeam::exec(&dialog) == QDialog::Accepted)
        reload();
}

void Ipv6PoolsPane::releaseSelected()
{
    const QModelIndexList rows = m_allocationView->selectionModel()->selectedRows();
    if (!isAdmin() || rows.isEmpty() || rows.first().row() >= m_allocationRows.size())
        return;
    const client::Ipv6AllocationRow a = m_allocationRows.at(rows.first().row());
    if (!MessageBox::confirm(this, tr("Release prefix"),
                             tr("Release %1 of \"%2\"? Its route is taken away and the next "
                                "delegation may get it.")
                                 .arg(a.allocatedPrefix, a.clientName),
                             tr("Release"), QStringLiteral("vpn.pools.confirmRelease"),
                             MessageBox::Confirm::Destructive))
        return;
    client::Ipv6PoolsApi(*m_client).release(a.id, client::within(this, [this](Result<void> r) {
        if (!r) {
            failed([] { return tr("The prefix was not released: %1"); }, r.error());
            return;
        }
        reload();
    }));
}

} // namespace hm::app
