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
#include <QSet>
#include <QTimer>

namespace hm::app {

namespace {

// The countdown moves by the second.
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
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("vpn.pending.text"));
    m_text->setProperty("hmStyle", QStringLiteral("banner"));
    m_text->setProperty("tone", QStringLiteral("bad"));
    // One line that may be cut in a narrow window, never a taller banner
    // that pushes the page over the smallest window (TestSectionFit).
    m_text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_text->setMinimumWidth(120);
    m_keep = new QPushButton(this);
    m_keep->setObjectName(QStringLiteral("vpn.pending.keep"));
    m_keep->setProperty("primary", true);
    row->addWidget(m_text, 1);
    row->addWidget(m_keep);
    connect(m_keep, &QPushButton::clicked, this, &WgPendingBanner::keepChanges);
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
    m_error.clear();
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
    return m_text->text();
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

void WgPendingBanner::showPending(const QList<client::WgPendingChange> &pending)
{
    QSet<QString> now;
    for (const client::WgPendingChange &change : pending)
        now.insert(key(change.kind, change.id));
    bool ended = false;
    for (const client::WgPendingChange &was : std::as_const(m_pending)) {
        const QString k = key(was.kind, was.id);
        if (!now.contains(k) && k != m_confirmedKey)
            ended = true;
    }
    if (!now.contains(m_confirmedKey))
        m_confirmedKey.clear();
    m_pending = pending;
    const bool any = !m_pending.isEmpty();
    if (any) {
        m_tick->start();
        m_poll->start();
    } else {
        m_tick->stop();
        m_poll->stop();
        m_error.clear();
    }
    setVisible(any);
    retranslateUi();
    if (ended)
        emit changesEnded();
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

void WgPendingBanner::keepChanges()
{
    if (!m_client || m_pending.isEmpty() || m_busy)
        return;
    const client::WgPendingChange change = m_pending.first();
    m_busy = true;
    m_error.clear();
    retranslateUi();
    client::WireGuardApi(*m_client).confirmChange(
        change.kind, change.id, client::within(this, [this, change](Result<void> r) {
            m_busy = false;
            if (r)
                m_confirmedKey = key(change.kind, change.id);
            else
                m_error = WgText::refusalText(r.error(), m_role);
            retranslateUi();
            refresh();
        }));
}

void WgPendingBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void WgPendingBanner::retranslateUi()
{
    m_keep->setText(tr("Keep changes"));
    const bool admin = m_role.compare(QLatin1String("admin"), Qt::CaseInsensitive) == 0;
    m_keep->setEnabled(admin && !m_busy && !m_pending.isEmpty());
    m_keep->setToolTip(admin ? tr("Confirm the change: it stays and is no longer rolled back.")
                             : tr("Only administrators confirm changes."));
    if (m_pending.isEmpty()) {
        m_text->clear();
        return;
    }
    const client::WgPendingChange &first = m_pending.first();
    const QDateTime deadline = first.deadline.toLocalTime();
    const qint64 left = qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(first.deadline));
    const QString countdown =
        QStringLiteral("%1:%2").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0'));
    const QString name = nameOf(first);
    QString text =
        first.kind == QLatin1String("server")
            ? tr("Changes to server \"%1\" roll back at %2 unless confirmed (%3 left).")
                  .arg(name, QLocale().toString(deadline.time(), QStringLiteral("HH:mm:ss")),
                       countdown)
            : tr("Changes to client \"%1\" roll back at %2 unless confirmed (%3 left).")
                  .arg(name, QLocale().toString(deadline.time(), QStringLiteral("HH:mm:ss")),
                       countdown);
    if (m_pending.size() > 1)
        text += u' ' + tr("%n more change(s) await confirmation.", "", int(m_pending.size() - 1));
    if (first.handshakeClientId > 0)
        text += u' ' + tr("A new handshake of the chosen client confirms it too.");
    if (!m_error.isEmpty())
        text += u' ' + tr("Not confirmed: %1").arg(m_error);
    m_text->setText(text);
    m_text->setToolTip(text);
}

} // namespace hm::app
