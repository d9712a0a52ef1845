#include "vpn/WgPendingBanner.h"

#include "client/ApiClient.h"
#include "client/WireGuardApi.h"
#include "client/Within.h"
#include "vpn/WgText.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace hm::app {

namespace {

// The countdowns move by the second.
constexpr int kWgPendingTickMs = 1000;
// A rollback or a handshake's confirmation happens on the server: seen by
// reading again this often while one is pending.
constexpr int kWgPendingPollMs = 5000;

} // namespace

WgPendingBanner::WgPendingBanner(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("vpn.pending"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    // The lines scroll inside the banner past kVisibleRows.
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("vpn.pending.lines"));
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Lines that may be cut in a narrow window, never a wider page.
    m_scroll->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_scroll->setMinimumWidth(160);
    m_lines = new QWidget(m_scroll);
    m_linesLayout = new QVBoxLayout(m_lines);
    m_linesLayout->setContentsMargins(0, 0, 0, 0);
    m_linesLayout->setSpacing(4);
    m_scroll->setWidget(m_lines);
    row->addWidget(m_scroll, 1);
    m_keepAll = new QPushButton(this);
    m_keepAll->setObjectName(QStringLiteral("vpn.pending.keepAll"));
    row->addWidget(m_keepAll, 0, Qt::AlignTop);
    connect(m_keepAll, &QPushButton::clicked, this, &WgPendingBanner::keepAll);
    m_tick = new QTimer(this);
    m_tick->setInterval(kWgPendingTickMs);
    connect(m_tick, &QTimer::timeout, this, &WgPendingBanner::retranslateUi);
    m_poll = new QTimer(this);
    m_poll->setInterval(kWgPendingPollMs);
    connect(m_poll, &QTimer::timeout, this, [this] {
        // Only while someone looks (the banner is shown while one is pending).
        if (isVisible())
            refresh();
    });
    hide();
    retranslateUi();
}

QString WgPendingBanner::key(const QString &kind, qint64 id)
{
    return kind + u'/' + QString::number(id);
}

void WgPendingBanner::setSession(client::ApiClient *client, const QString &role)
{
    m_client = client;
    m_role = client ? role : QString();
    m_names.clear();
    m_asked.clear();
    m_errors.clear();
    m_confirming.clear();
    m_confirmed.clear();
    showPending({});
    refresh();
}

void WgPendingBanner::setName(const QString &kind, qint64 id, const QString &name)
{
    if (name.isEmpty() || m_names.value(key(kind, id)) == name)
        return;
    m_names.insert(key(kind, id), name);
    if (!m_pending.isEmpty())
        retranslateUi();
}

QString WgPendingBanner::text() const
{
    QStringList lines;
    for (const Row &row : m_rows)
        lines << row.text->text();
    return lines.join(u'\n');
}

void WgPendingBanner::refresh()
{
    if (!m_client)
        return;
    if (m_reading) {
        m_again = true; // a PUT answered meanwhile: read once more after
        return;
    }
    m_reading = true;
    client::WireGuardApi(*m_client).pendingChanges(
        client::within(this, [this](Result<QList<client::WgPendingChange>> r) {
            m_reading = false;
            if (r)
                showPending(*r);
            if (m_again) {
                m_again = false;
                refresh();
            }
        }));
}

void WgPendingBanner::showPending(QList<client::WgPendingChange> pending)
{
    // The soonest rollback first, whatever order the server lists them in:
    // that is the line an operator must act on first. Equal deadlines keep
    // the server's order; a change without one goes last.
    std::stable_sort(pending.begin(), pending.end(),
                     [](const client::WgPendingChange &a, const client::WgPendingChange &b) {
                         if (a.deadline.isValid() != b.deadline.isValid())
                             return a.deadline.isValid();
                         return a.deadline < b.deadline;
                     });
    QSet<QString> now;
    for (const client::WgPendingChange &change : pending)
        now.insert(key(change.kind, change.id));
    bool ended = false;
    for (const client::WgPendingChange &was : std::as_const(m_pending)) {
        const QString k = key(was.kind, was.id);
        if (!now.contains(k) && !m_confirmed.contains(k))
            ended = true;
    }
    // What is no longer pending forgets its confirmation and its error.
    m_confirmed.intersect(now);
    for (auto it = m_errors.begin(); it != m_errors.end();)
        it = now.contains(it.key()) ? std::next(it) : m_errors.erase(it);
    bool sameRows = pending.size() == m_rows.size();
    for (qsizetype i = 0; sameRows && i < pending.size(); ++i)
        sameRows =
            key(pending[i].kind, pending[i].id) == key(m_rows[i].change.kind, m_rows[i].change.id);
    m_pending = pending;
    if (sameRows) {
        for (qsizetype i = 0; i < pending.size(); ++i)
            m_rows[i].change = pending[i]; // a deadline may have moved
    } else {
        rebuildRows();
    }
    const bool any = !m_pending.isEmpty();
    if (any) {
        m_tick->start();
        m_poll->start();
    } else {
        m_tick->stop();
        m_poll->stop();
    }
    setVisible(any);
    retranslateUi();
    if (!sameRows)
        fitLines();
    if (ended)
        emit changesEnded();
}

void WgPendingBanner::rebuildRows()
{
    // Later, not now: a line's own button may be what got us here.
    for (const Row &row : std::as_const(m_rows)) {
        m_linesLayout->removeWidget(row.widget);
        row.widget->hide();
        row.widget->deleteLater();
    }
    m_rows.clear();
    for (const client::WgPendingChange &change : std::as_const(m_pending)) {
        const QString suffix = change.kind + u'.' + QString::number(change.id);
        Row row;
        row.change = change;
        row.widget = new QWidget(m_lines);
        row.widget->setObjectName(QStringLiteral("vpn.pending.row.") + suffix);
        auto *line = new QHBoxLayout(row.widget);
        line->setContentsMargins(0, 0, 0, 0);
        row.text = new QLabel(row.widget);
        row.text->setObjectName(QStringLiteral("vpn.pending.text.") + suffix);
        row.text->setProperty("hmStyle", QStringLiteral("banner"));
        row.text->setProperty("tone", QStringLiteral("bad"));
        // One line that may be cut in a narrow window (the tooltip holds it all).
        row.text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        row.text->setMinimumWidth(120);
        row.keep = new QPushButton(row.widget);
        row.keep->setObjectName(QStringLiteral("vpn.pending.keep.") + suffix);
        row.keep->setProperty("primary", true);
        line->addWidget(row.text, 1);
        line->addWidget(row.keep);
        const QString kind = change.kind;
        const qint64 id = change.id;
        connect(row.keep, &QPushButton::clicked, this, [this, kind, id] { keepChange(kind, id); });
        m_linesLayout->addWidget(row.widget);
        m_rows.append(row);
    }
}

void WgPendingBanner::fitLines()
{
    // As tall as its lines up to kVisibleRows (their texts set and the style
    // applied); the rest scrolls.
    int height = 0;
    for (int i = 0; i < m_rows.size() && i < kVisibleRows; ++i) {
        m_rows[i].text->ensurePolished();
        m_rows[i].keep->ensurePolished();
        height += m_rows[i].widget->sizeHint().height() + (i > 0 ? m_linesLayout->spacing() : 0);
    }
    m_scroll->setFixedHeight(height);
    m_scroll->setVerticalScrollBarPolicy(m_rows.size() > kVisibleRows ? Qt::ScrollBarAsNeeded
                                                                      : Qt::ScrollBarAlwaysOff);
}

QString WgPendingBanner::nameOf(const client::WgPendingChange &change)
{
    const QString k = key(change.kind, change.id);
    if (const auto it = m_names.constFind(k); it != m_names.constEnd())
        return *it;
    if (m_client && !m_asked.value(k)) {
        m_asked.insert(k, true);
        const auto named = [this, change](const QString &name) {
            setName(change.kind, change.id, name);
        };
        client::WireGuardApi api(*m_client);
        if (change.kind == QLatin1String("server"))
            api.server(change.id, client::within(this, [named](Result<client::WgServerRow> r) {
                           if (r)
                               named(r->name);
                       }));
        else
            api.client(change.id, client::within(this, [named](Result<client::WgClientRow> r) {
                           if (r)
                               named(r->name);
                       }));
    }
    return change.kind == QLatin1String("server") ? tr("server #%1").arg(change.id)
                                                  : tr("client #%1").arg(change.id);
}

void WgPendingBanner::keepChange(const QString &kind, qint64 id)
{
    const QString k = key(kind, id);
    if (!m_client || m_confirming.contains(k) || m_confirmed.contains(k))
        return;
    bool shown = false;
    for (const client::WgPendingChange &change : std::as_const(m_pending))
        shown = shown || key(change.kind, change.id) == k;
    if (!shown)
        return;
    m_confirming.insert(k);
    m_errors.remove(k);
    retranslateUi();
    client::WireGuardApi(*m_client).confirmChange(
        kind, id, client::within(this, [this, k](Result<void> r) {
            m_confirming.remove(k);
            if (r)
                m_confirmed.insert(k);
            else
                m_errors.insert(k, WgText::refusalText(r.error(), m_role));
            retranslateUi();
            refresh();
        }));
}

void WgPendingBanner::keepAll()
{
    const QList<client::WgPendingChange> shown = m_pending;
    for (const client::WgPendingChange &change : shown)
        keepChange(change.kind, change.id);
}

void WgPendingBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

QString WgPendingBanner::lineText(const client::WgPendingChange &change)
{
    const QDateTime deadline = change.deadline.toLocalTime();
    const qint64 left = qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(change.deadline));
    const QString countdown =
        QStringLiteral("%1:%2").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0'));
    const QString at = QLocale().toString(deadline.time(), QStringLiteral("HH:mm:ss"));
    const QString name = nameOf(change);
    QString text = change.kind == QLatin1String("server")
                       ? tr("Changes to server \"%1\" roll back at %2 unless confirmed (%3 left).")
                             .arg(name, at, countdown)
                       : tr("Changes to client \"%1\" roll back at %2 unless confirmed (%3 left).")
                             .arg(name, at, countdown);
    if (change.handshakeClientId > 0)
        text += u' ' + tr("A new handshake of the chosen client confirms it too.");
    const QString k = key(change.kind, change.id);
    if (m_confirming.contains(k) || m_confirmed.contains(k))
        text += u' ' + tr("Confirming...");
    else if (const QString error = m_errors.value(k); !error.isEmpty())
        text += u' ' + tr("Not confirmed: %1").arg(error);
    return text;
}

void WgPendingBanner::retranslateUi()
{
    const bool admin = m_role.compare(QLatin1String("admin"), Qt::CaseInsensitive) == 0;
    const QString onlyAdmins = tr("Only administrators confirm changes.");
    bool anyOpen = false;
    for (const Row &row : std::as_const(m_rows)) {
        const QString k = key(row.change.kind, row.change.id);
        const bool open = !m_confirming.contains(k) && !m_confirmed.contains(k);
        anyOpen = anyOpen || open;
        row.keep->setText(tr("Keep changes"));
        row.keep->setEnabled(admin && open);
        row.keep->setToolTip(admin ? tr("Confirm this change: it stays and is no longer rolled "
                                        "back.")
                                   : onlyAdmins);
        const QString text = lineText(row.change);
        row.text->setText(text);
        row.text->setToolTip(text);
    }
    m_keepAll->setText(tr("Keep all (%1)").arg(m_rows.size()));
    m_keepAll->setVisible(m_rows.size() > 1);
    m_keepAll->setEnabled(admin && anyOpen);
    m_keepAll->setToolTip(admin ? tr("Confirm every change shown: they all stay.") : onlyAdmins);
}

} // namespace hm::app
