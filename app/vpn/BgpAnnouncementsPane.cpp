#include "vpn/BgpAnnouncementsPane.h"

#include "client/BgpApi.h"
#include "client/Within.h"
#include "vpn/BgpAnnounceDialog.h"
#include "vpn/WgText.h"
#include "widgets/AdminText.h"
#include "widgets/MessageBox.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// "IPv4", "IPv6": the same words in every language.
QString announcementFamily(const QString &family)
{
    if (family == QLatin1String("ipv4"))
        return QStringLiteral("IPv4");
    if (family == QLatin1String("ipv6"))
        return QStringLiteral("IPv6");
    return family;
}

} // namespace

BgpAnnouncementsPane::BgpAnnouncementsPane(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("vpn.bgp.announcements"));
    m_model = new QStandardItemModel(0, ColumnCount, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    // The title and its actions on one line: the tab shares its height with
    // the sessions and their routes.
    auto *head = new QHBoxLayout();
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("vpn.bgp.announcementsTitle"));
    m_title->setProperty("hmStyle", QStringLiteral("editorTitle"));
    head->addWidget(m_title);
    head->addStretch();
    m_announce = new QPushButton(this);
    m_announce->setObjectName(QStringLiteral("vpn.bgp.announcementsAnnounce"));
    head->addWidget(m_announce);
    m_withdraw = new QPushButton(this);
    m_withdraw->setObjectName(QStringLiteral("vpn.bgp.announcementsWithdraw"));
    head->addWidget(m_withdraw);
    layout->addLayout(head);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("vpn.bgp.announcementsTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // The description stretches; the rest fit their text.
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(PrefixColumn, QHeaderView::Interactive);
    m_view->setColumnWidth(PrefixColumn, 240);
    header->setSectionResizeMode(FamilyColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(SinceColumn, QHeaderView::ResizeToContents);
    layout->addWidget(m_view, 1);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("vpn.bgp.announcementsState"));
    m_state->setWordWrap(true);
    layout->addWidget(m_state);

    connect(m_announce, &QPushButton::clicked, this, &BgpAnnouncementsPane::announce);
    connect(m_withdraw, &QPushButton::clicked, this, &BgpAnnouncementsPane::withdraw);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BgpAnnouncementsPane::updateActions);
    retranslateUi();
}

bool BgpAnnouncementsPane::isAdmin() const
{
    return m_client && m_role.compare(QLatin1String("admin"), Qt::CaseInsensitive) == 0;
}

void BgpAnnouncementsPane::setSession(client::ApiClient *client, const QString &role)
{
    m_client = client;
    m_role = client ? role : QString();
    m_rows.clear();
    m_message.clear();
    m_loaded = false;
    fill();
}

void BgpAnnouncementsPane::reload()
{
    if (!m_client) {
        retranslateUi();
        return;
    }
    client::BgpApi(*m_client).announcements(
        client::within(this, [this](Result<QList<client::BgpAnnouncement>> r) {
            m_loaded = true;
            if (!r) {
                failed([] { return tr("The announced prefixes could not be read: %1"); },
                       r.error());
                return;
            }
            m_message.clear();
            m_rows = *r;
            fill();
        }));
}

const client::BgpAnnouncement *BgpAnnouncementsPane::selected() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_rows.size())
        return nullptr;
    return &m_rows.at(rows.first().row());
}

void BgpAnnouncementsPane::fill()
{
    const qint64 keep = selected() ? selected()->id : 0;
    m_model->removeRows(0, m_model->rowCount());
    int selectRow = -1;
    for (const client::BgpAnnouncement &row : std::as_const(m_rows)) {
        QList<QStandardItem *> cells;
        for (int c = 0; c < ColumnCount; ++c)
            cells << new QStandardItem();
        m_model->appendRow(cells);
        if (row.id == keep)
            selectRow = m_model->rowCount() - 1;
    }
    if (selectRow >= 0)
        m_view->selectRow(selectRow);
    retranslateUi();
}

void BgpAnnouncementsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void BgpAnnouncementsPane::retranslateUi()
{
    m_title->setText(tr("Announced prefixes"));
    m_announce->setText(tr("Announce..."));
    m_withdraw->setText(tr("Withdraw..."));
    m_model->setHorizontalHeaderLabels(
        {tr("Prefix"), tr("Family"), tr("Description"), tr("Since")});
    const QLocale locale;
    for (int r = 0; r < m_rows.size() && r < m_model->rowCount(); ++r) {
        const client::BgpAnnouncement &row = m_rows.at(r);
        const QStringList texts{
            row.prefix, announcementFamily(row.family), row.description,
            row.createdAt.isValid()
                ? locale.toString(row.createdAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))
                : QString()};
        for (int c = 0; c < texts.size(); ++c) {
            m_model->item(r, c)->setText(texts.at(c));
            m_model->item(r, c)->setToolTip(texts.at(c));
        }
    }
    QString state = m_message.toString();
    if (state.isEmpty() && !m_client)
        state = tr("Sign in to see the announced prefixes.");
    else if (state.isEmpty() && m_loaded && m_rows.isEmpty())
        state = tr("No prefixes announced besides the IPv6 pools'. The active IPv6 pools are "
                   "announced on every session automatically; announce other IPv4 or IPv6 "
                   "prefixes here.");
    m_state->setText(state);
    m_state->setVisible(!state.isEmpty());
    updateActions();
}

void BgpAnnouncementsPane::updateActions()
{
    const client::BgpAnnouncement *row = selected();
    const bool admin = isAdmin();
    const QString why = !m_client ? tr("Sign in first.") : AdminText::adminsOnly(m_role);
    m_announce->setEnabled(admin);
    m_announce->setToolTip(admin ? tr("Announce an IPv4 or IPv6 prefix on every BGP session.")
                                 : why);
    m_withdraw->setEnabled(admin && row);
    m_withdraw->setToolTip(!admin ? why
                           : row  ? tr("Stop announcing the prefix on every session.")
                                  : tr("Select a prefix first."));
}

void BgpAnnouncementsPane::failed(std::function<QString()> what, const hm::Error &error)
{
    m_message = LocalizedText(
        [what, error, role = m_role] { return what().arg(WgText::refusalText(error, role)); });
    retranslateUi();
}

void BgpAnnouncementsPane::announce()
{
    if (!isAdmin())
        return;
    BgpAnnounceDialog dialog(m_client, m_role, this);
    if (DialogSeam::exec(&dialog) == QDialog::Accepted)
        reload();
}

void BgpAnnouncementsPane::withdraw()
{
    const client::BgpAnnouncement *row = selected();
    if (!isAdmin() || !row)
        return;
    const qint64 id = row->id;
    if (!MessageBox::confirm(this, tr("Withdraw prefix"),
                             tr("Withdraw %1? BIRD stops announcing it on every session; its "
                                "neighbors drop the route.")
                                 .arg(row->prefix),
                             tr("Withdraw"), QStringLiteral("vpn.bgp.announcementsConfirmWithdraw"),
                             MessageBox::Confirm::Destructive))
        return;
    client::BgpApi(*m_client).withdraw(id, client::within(this, [this](Result<void> r) {
        if (!r) {
            failed([] { return tr("The prefix was not withdrawn: %1"); }, r.error());
            return;
        }
        reload();
    }));
}

} // namespace hm::app
