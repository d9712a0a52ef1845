#include "vpn/WgShareLinkDialog.h"

#include "client/ApiClient.h"
#include "client/WireGuardApi.h"
#include "client/Within.h"
#include "vpn/WgText.h"
#include "widgets/ClipboardGuard.h"
#include "widgets/DateTimeText.h"
#include "widgets/MissingValue.h"
#include "widgets/Retranslate.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// The lifetimes offered (seconds); an hour is long enough to hand a link
// over and short enough that a forgotten one soon stops working.
constexpr int kWgShareLifetimes[] = {15 * 60, 60 * 60, 24 * 60 * 60, 7 * 24 * 60 * 60};
constexpr int kWgShareDefaultLifetime = 1;

enum WgShareColumn
{
    WgShareStateColumn,
    WgShareCreatedColumn,
    WgShareExpiresColumn,
    WgShareUsedAtColumn,
    WgShareUsedFromColumn,
    WgShareColumnCount
};

QString wgShareTime(const QDateTime &at)
{
    return dateTimeText(at, QLocale::ShortFormat, TimeDetail::Minutes, missingValue());
}

void setWgShareTone(QLabel *label, bool bad)
{
    label->setProperty("tone", bad ? QStringLiteral("bad") : QString());
    label->style()->unpolish(label);
    label->style()->polish(label);
}

} // namespace

WgShareLinkDialog::WgShareLinkDialog(client::ApiClient *client, const client::WgClientRow &row,
                                     QWidget *parent)
    : QDialog(parent), m_client(client), m_row(row)
{
    setObjectName(QStringLiteral("vpn.shareDialog"));
    setMinimumWidth(640);
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("vpn.share.intro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("vpn.share.warning"));
    m_warning->setWordWrap(true);
    m_warning->setProperty("hmStyle", QStringLiteral("banner"));
    m_warning->setProperty("tone", QStringLiteral("bad"));
    layout->addWidget(m_warning);

    auto *make = new QHBoxLayout();
    m_lifetimeCaption = new QLabel(this);
    m_lifetime = new QComboBox(this);
    m_lifetime->setObjectName(QStringLiteral("vpn.share.lifetime"));
    for (const int seconds : kWgShareLifetimes)
        m_lifetime->addItem(QString(), seconds);
    m_lifetime->setCurrentIndex(kWgShareDefaultLifetime);
    m_lifetimeCaption->setBuddy(m_lifetime);
    m_create = new QPushButton(this);
    m_create->setObjectName(QStringLiteral("vpn.share.create"));
    m_create->setProperty("primary", true);
    make->addWidget(m_lifetimeCaption);
    make->addWidget(m_lifetime);
    make->addWidget(m_create);
    make->addStretch();
    layout->addLayout(make);

    auto *urlRow = new QHBoxLayout();
    // Wrapped anywhere, two lines high: the whole URL shows, never cut off
    // at the field's edge (a token of 43 characters has no spaces).
    m_urlEdit = new QPlainTextEdit(this);
    m_urlEdit->setObjectName(QStringLiteral("vpn.share.url"));
    m_urlEdit->setReadOnly(true);
    m_urlEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_urlEdit->setWordWrapMode(QTextOption::WrapAnywhere);
    m_urlEdit->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_urlEdit->setFixedHeight(QFontMetrics(m_urlEdit->font()).lineSpacing() * 2 +
                              2 * m_urlEdit->frameWidth() + 12);
    m_copy = new QPushButton(this);
    m_copy->setObjectName(QStringLiteral("vpn.share.copy"));
    urlRow->addWidget(m_urlEdit, 1);
    urlRow->addWidget(m_copy);
    layout->addLayout(urlRow);
    m_expiry = new QLabel(this);
    m_expiry->setObjectName(QStringLiteral("vpn.share.expiry"));
    m_expiry->setWordWrap(true);
    layout->addWidget(m_expiry);

    auto *listTop = new QHBoxLayout();
    m_linksTitle = new QLabel(this);
    m_linksTitle->setObjectName(QStringLiteral("vpn.share.linksTitle"));
    m_linksTitle->setProperty("hmStyle", QStringLiteral("editorTitle"));
    m_revoke = new QPushButton(this);
    m_revoke->setObjectName(QStringLiteral("vpn.share.revoke"));
    listTop->addWidget(m_linksTitle, 1);
    listTop->addWidget(m_revoke);
    layout->addLayout(listTop);
    m_table = new QTableWidget(0, WgShareColumnCount, this);
    m_table->setObjectName(QStringLiteral("vpn.share.links"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(WgShareStateColumn, 90);
    m_table->setColumnWidth(WgShareCreatedColumn, 140);
    m_table->setColumnWidth(WgShareExpiresColumn, 140);
    m_table->setColumnWidth(WgShareUsedAtColumn, 140);
    m_table->setMinimumHeight(120);
    layout->addWidget(m_table, 1);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("vpn.share.empty"));
    m_empty->setWordWrap(true);
    m_empty->setProperty("hmStyle", QStringLiteral("muted"));
    layout->addWidget(m_empty);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("vpn.share.status"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("vpn.share.close"));
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    layout->addWidget(m_buttons);

    connect(m_create, &QPushButton::clicked, this, &WgShareLinkDialog::createLink);
    connect(m_copy, &QPushButton::clicked, this, &WgShareLinkDialog::copyLink);
    connect(m_revoke, &QPushButton::clicked, this, &WgShareLinkDialog::revokeUnused);
    retranslateUi();
    reloadLinks();
}

void WgShareLinkDialog::createLink()
{
    if (!m_client || m_busy)
        return;
    m_busy = true;
    m_message.clear();
    updateActions();
    const int seconds = m_lifetime->currentData().toInt();
    client::WireGuardApi(*m_client).createShareLink(
        m_row.id, seconds, client::within(this, [this](Result<client::WgShareLinkCreated> r) {
            m_busy = false;
            if (!r) {
                showMessage(
                    [=]() -> QString {
                        return tr("No link was made: %1")
                            .arg(WgText::refusalText(r.error(), QStringLiteral("admin")));
                    },
                    true);
                return;
            }
            // The server's address as this console reaches it, with any
            // path prefix it sits under, then the route's path.
            QUrl url = m_client ? m_client->baseUrl() : QUrl();
            QString base = url.path();
            while (base.endsWith(u'/'))
                base.chop(1);
            url.setPath(base + r->path);
            url.setQuery(QString());
            url.setFragment(QString());
            m_url = url.toString();
            m_expiresAt = r->expiresAt;
            m_urlEdit->setPlainText(m_url);
            m_message.clear();
            retranslateUi();
            reloadLinks();
        }));
}

void WgShareLinkDialog::copyLink()
{
    if (m_url.isEmpty())
        return;
    ClipboardGuard::copySecret(m_url);
    showMessage(
        [=]() -> QString {
            return tr("Copied. The clipboard is cleared in %n second(s).", "",
                      qMax(1, ClipboardGuard::clearDelayMs() / 1000));
        },
        false);
}

void WgShareLinkDialog::revokeUnused()
{
    if (!m_client || m_busy)
        return;
    m_busy = true;
    updateActions();
    client::WireGuardApi(*m_client).revokeShareLinks(
        m_row.id, client::within(this, [this](Result<int> r) {
            m_busy = false;
            if (!r) {
                showMessage(
                    [=]() -> QString {
                        return tr("The links were not revoked: %1")
                            .arg(WgText::refusalText(r.error(), QStringLiteral("admin")));
                    },
                    true);
                return;
            }
            showMessage([=]() -> QString { return tr("%n unused link(s) revoked.", "", *r); },
                        false);
            // The link shown above no longer opens: not offered for copying.
            if (*r > 0 && !m_url.isEmpty()) {
                m_url.clear();
                m_urlEdit->clear();
                m_expiresAt = {};
                retranslateUi();
            }
            reloadLinks();
        }));
}

void WgShareLinkDialog::reloadLinks()
{
    if (!m_client)
        return;
    client::WireGuardApi(*m_client).shareLinks(
        m_row.id, client::within(this, [this](Result<QList<client::WgShareLink>> r) {
            m_loaded = true;
            if (!r) {
                showMessage(
                    [=]() -> QString {
                        return tr("The links could not be read: %1")
                            .arg(WgText::refusalText(r.error(), QStringLiteral("admin")));
                    },
                    true);
                return;
            }
            m_links = *r;
            showLinks();
        }));
}

void WgShareLinkDialog::showLinks()
{
    m_table->setRowCount(int(m_links.size()));
    int unused = 0;
    for (int row = 0; row < m_links.size(); ++row) {
        const client::WgShareLink &link = m_links.at(row);
        unused += link.state == QLatin1String("active") ? 1 : 0;
        const QString state = link.state == QLatin1String("active")    ? tr("Active")
                              : link.state == QLatin1String("used")    ? tr("Used")
                              : link.state == QLatin1String("expired") ? tr("Expired")
                                                                       : link.state;
        const QStringList cells{state, wgShareTime(link.createdAt), wgShareTime(link.expiresAt),
                                wgShareTime(link.usedAt), orMissing(link.usedFrom)};
        for (int column = 0; column < WgShareColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            m_table->setItem(row, column, item);
        }
    }
    m_empty->setText(m_loaded && m_links.isEmpty()
                         ? tr("No links yet. A link works once and only until it expires.")
                         : QString());
    m_empty->setVisible(!m_empty->text().isEmpty());
    m_revoke->setProperty("unused", unused);
    updateActions();
}

void WgShareLinkDialog::updateActions()
{
    const int unused = m_revoke->property("unused").toInt();
    m_create->setEnabled(m_client && !m_busy && m_row.hasPrivateKey);
    m_copy->setEnabled(!m_url.isEmpty());
    m_revoke->setEnabled(m_client && !m_busy && unused > 0);
    m_revoke->setToolTip(unused > 0 ? tr("Links not opened yet stop working; used ones stay "
                                         "listed as a record.")
                                    : tr("No unused link to revoke."));
}

void WgShareLinkDialog::showMessage(std::function<QString()> text, bool bad)
{
    m_message = LocalizedText(std::move(text));
    m_messageBad = bad;
    showMessage();
}

void WgShareLinkDialog::showMessage()
{
    const QString text = m_message.toString();
    const bool bad = m_messageBad;
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    setWgShareTone(m_status, bad);
    updateActions();
}

void WgShareLinkDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void WgShareLinkDialog::retranslateUi()
{
    setWindowTitle(tr("Share link for %1").arg(m_row.name));
    m_intro->setText(tr("A one-time link to the config of \"%1\": its owner opens it in a "
                        "browser or the WireGuard app and needs no account.")
                         .arg(m_row.name));
    m_warning->setText(tr("Whoever opens this link first gets the client's private key and can "
                          "connect as this client. Send it only to the device's owner; it works "
                          "once and stops working when it expires."));
    m_lifetimeCaption->setText(tr("&Valid for:"));
    const QStringList lifetimes{tr("15 minutes"), tr("1 hour"), tr("24 hours"), tr("7 days")};
    for (int i = 0; i < lifetimes.size(); ++i)
        m_lifetime->setItemText(i, lifetimes.at(i));
    m_create->setText(m_url.isEmpty() ? tr("Create link") : tr("Create another link"));
    m_urlEdit->setPlaceholderText(tr("The link appears here once it is made."));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copies the link; the clipboard is cleared again after %n second(s).", "",
                          qMax(1, ClipboardGuard::clearDelayMs() / 1000)));
    m_expiry->setText(m_url.isEmpty()
                          ? QString()
                          : tr("Works once, until %1 (local time). It is not shown again: copy "
                               "it now.")
                                .arg(dateTimeText(m_expiresAt)));
    m_expiry->setVisible(!m_expiry->text().isEmpty());
    m_linksTitle->setText(tr("Links of this client"));
    m_revoke->setText(tr("Revoke unused links"));
    m_table->setHorizontalHeaderLabels(
        {tr("State"), tr("Created"), tr("Expires"), tr("Opened"), tr("Opened from")});
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    showLinks();
    if (!m_message.isEmpty())
        showMessage(); // in the new language
    else
        m_status->hide();
}

} // namespace hm::app
