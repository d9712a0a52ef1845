#include "server/routes/fleet/PublicStatusPage.h"

#include "server/i18n/ServerCatalogue.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtGlobal>

namespace hm::server::publicpage {

using i18n::Language;

namespace {

QString pageText(Language language, const char *source)
{
    return i18n::translate(language, "PublicStatusPage", source);
}

// Light and dark by the reader's system; one column on a phone, a grid of
// cards on a wide screen. Constant: the CSP allows it by its hash.
const char kPageStyle[] = R"css(
:root{color-scheme:light dark;--bg:#f5f6f8;--card:#fff;--text:#1b2230;--muted:#566070;--line:#dce0e6;--up:#17803a;--down:#c52b2b}
@media (prefers-color-scheme:dark){:root{--bg:#12151a;--card:#1c2027;--text:#e5e8ed;--muted:#9ba4b1;--line:#2d333c;--up:#46c25f;--down:#ff6b6b}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK TC","Noto Sans CJK SC","PingFang TC","PingFang SC","Microsoft JhengHei","Microsoft YaHei",sans-serif}
header,main,footer{max-width:72rem;margin:0 auto;padding:1rem 1.25rem}
h1{font-size:1.75rem;line-height:1.25;margin:.75rem 0 .25rem;overflow-wrap:anywhere}
.summary{margin:0;color:var(--muted)}
.live{margin-left:.5rem;color:var(--up);font-size:.875rem}
.nodes{list-style:none;margin:0;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,23rem),1fr))}
.node{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:1rem 1.1rem}
.head{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.25rem .75rem}
h2{font-size:1.15rem;margin:0;overflow-wrap:anywhere}
.state{display:inline-flex;align-items:center;gap:.4rem;font-weight:600;color:var(--down)}
.dot{width:.75rem;height:.75rem;border-radius:50%;background:var(--down);flex:none}
.online .state{color:var(--up)}
.online .dot{background:var(--up)}
.offline .dot{border-radius:2px}
dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem 1rem;margin:.75rem 0 0}
dt{color:var(--muted)}
dd{margin:0;text-align:end;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
dd time{white-space:nowrap}
.empty{color:var(--muted)}
footer{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem 1.5rem;color:var(--muted);font-size:.875rem}
footer a{color:inherit}
footer a[aria-current]{font-weight:600;text-decoration:none}
footer nav{display:flex;gap:1rem}
)css";

// Live updates: each card listens on /public/ws/nodes/{id} and writes what
// arrives as text (textContent, never markup). More cards than one address
// may watch at once: the page reloads every minute instead. Without
// scripts the page refreshes itself (the <noscript> meta refresh).
const char kPageScript[] = R"js(
(function () {
  'use strict';
  var text = JSON.parse(document.getElementById('hm-text').textContent);
  var lang = document.documentElement.lang;
  var cards = Array.prototype.slice.call(document.querySelectorAll('[data-node]'));
  var live = document.getElementById('hm-live');
  var open = 0;
  function fill(pattern, a, b) { return pattern.replace('%1', a).replace('%2', b); }
  function percent(v, digits) {
    return v === null || v === undefined || !isFinite(v) ? text.noData : Number(v).toFixed(digits) + '%';
  }
  function when(iso) {
    if (!iso) return text.never;
    var d = new Date(iso);
    return isNaN(d.getTime()) ? iso : d.toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short' });
  }
  function uptime(s) {
    if (s === null || s === undefined || !isFinite(s)) return text.noData;
    s = Math.floor(s);
    var days = Math.floor(s / 86400), hours = Math.floor(s % 86400 / 3600);
    return days > 0 ? fill(text.days, days, hours) : fill(text.hours, hours, Math.floor(s % 3600 / 60));
  }
  function set(card, field, value) {
    var el = card.querySelector('[data-field="' + field + '"]');
    if (el) el.textContent = value;
  }
  function summary() {
    var on = cards.filter(function (c) { return c.classList.contains('online'); }).length;
    document.getElementById('hm-summary').textContent = fill(text.summary, on, cards.length);
  }
  function status(card, online) {
    card.classList.toggle('online', online);
    card.classList.toggle('offline', !online);
    set(card, 'status', online ? text.online : text.offline);
    summary();
  }
  function showNode(card, n) {
    status(card, n.status === 'online');
    set(card, 'cpu_percent', percent(n.cpu_percent, 1));
    set(card, 'memory_percent', percent(n.memory_percent, 1));
    set(card, 'disk_percent', percent(n.disk_percent, 1));
    set(card, 'availability_24h', percent(n.availability_24h, 2));
    set(card, 'availability_30d', percent(n.availability_30d, 2));
    set(card, 'uptime_s', uptime(n.uptime_s));
    set(card, 'last_seen', when(n.last_seen));
  }
  function share(used, total) { return total > 0 ? 100 * used / total : null; }
  function showMetrics(card, m, time) {
    if ('cpu_usage' in m) set(card, 'cpu_percent', percent(m.cpu_usage, 1));
    if ('memory_total' in m) set(card, 'memory_percent', percent(share(m.memory_used, m.memory_total), 1));
    if ('disk_total' in m) set(card, 'disk_percent', percent(share(m.disk_used, m.disk_total), 1));
    if ('uptime' in m) set(card, 'uptime_s', uptime(m.uptime));
    set(card, 'last_seen', when(time || new Date().toISOString()));
  }
  function watch(card, delay) {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    var socket;
    try {
      socket = new WebSocket(scheme + location.host + '/public/ws/nodes/' + encodeURIComponent(card.getAttribute('data-node')));
    } catch (e) { return; }
    var counted = false;
    socket.onopen = function () { counted = true; open += 1; live.hidden = false; delay = 5000; };
    socket.onmessage = function (e) {
      var msg;
      try { msg = JSON.parse(e.data); } catch (x) { return; }
      if (msg.type === 'node' && msg.node) showNode(card, msg.node);
      else if (msg.type === 'metrics' && msg.metrics) showMetrics(card, msg.metrics, msg.time);
      else if (msg.type === 'status') status(card, !!msg.online);
    };
    socket.onclose = function (e) {
      if (counted) { open -= 1; counted = false; }
      live.hidden = open === 0;
      // 4404: the node left the page, or the page was turned off.
      if (e.code === 4404) return;
      setTimeout(function () { watch(card, Math.min(delay * 2, 300000)); }, delay + Math.random() * 1000);
    };
  }
  Array.prototype.forEach.call(document.querySelectorAll('time[datetime]'), function (t) {
    t.textContent = when(t.getAttribute('datetime'));
  });
  if (cards.length > 0 && cards.length <= 8) cards.forEach(function (card) { watch(card, 5000); });
  else if (cards.length > 8) setTimeout(function () { location.reload(); }, 60000);
})();
)js";

QByteArray pageCspHash(const char *text)
{
    return "'sha256-" +
           QCryptographicHash::hash(QByteArray(text), QCryptographicHash::Sha256).toBase64() + "'";
}

const QByteArray &pageContentSecurityPolicy()
{
    // connect-src 'self' takes in ws: and wss: of this origin (CSP 3).
    static const QByteArray policy = "default-src 'none'; style-src " + pageCspHash(kPageStyle) +
                                     "; script-src " + pageCspHash(kPageScript) +
                                     "; connect-src 'self'; img-src 'none'; base-uri 'none'; "
                                     "form-action 'none'; frame-ancestors 'none'";
    return policy;
}

QString pagePercentText(const QJsonValue &value, int digits, Language language)
{
    if (!value.isDouble())
        return pageText(language, QT_TRANSLATE_NOOP("PublicStatusPage", "No data"));
    return QString::number(value.toDouble(), 'f', digits) + u'%';
}

QString pageUptimeText(const QJsonValue &value, Language language)
{
    if (!value.isDouble())
        return pageText(language, QT_TRANSLATE_NOOP("PublicStatusPage", "No data"));
    const qint64 s = qint64(value.toDouble());
    const qint64 days = s / 86400;
    const qint64 hours = s % 86400 / 3600;
    if (days > 0)
        return pageText(language, QT_TRANSLATE_NOOP("PublicStatusPage", "%1 d %2 h"))
            .arg(days)
            .arg(hours);
    return pageText(language, QT_TRANSLATE_NOOP("PublicStatusPage", "%1 h %2 min"))
        .arg(hours)
        .arg(s % 3600 / 60);
}

// A time as UTC text (the script shows it in the reader's zone), in a
// <time> element.
QString pageTimeHtml(const QString &iso, Language language)
{
    if (iso.isEmpty())
        return escapeHtml(pageText(language, QT_TRANSLATE_NOOP("PublicStatusPage", "Never")));
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs);
    const QString shown =
        at.isValid() ? at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) : iso;
    return QStringLiteral("<time datetime=\"%1\">%2</time>")
        .arg(escapeHtml(iso), escapeHtml(shown));
}

QString pageRow(const QString &label, const QString &field, const QString &valueHtml)
{
    return QStringLiteral("<dt>%1</dt><dd data-field=\"%2\">%3</dd>")
        .arg(escapeHtml(label), field, valueHtml);
}

QString pageNodeHtml(const QJsonObject &node, Language language)
{
    const bool online = node.value(QStringLiteral("status")).toString() == QLatin1String("online");
    QString html =
        QStringLiteral("<li class=\"node %1\" data-node=\"%2\"><div class=\"head\">"
                       "<h2>%3</h2><span class=\"state\"><span class=\"dot\" "
                       "aria-hidden=\"true\"></span><span data-field=\"status\">%4"
                       "</span></span></div><dl>")
            .arg(online ? QStringLiteral("online") : QStringLiteral("offline"),
                 escapeHtml(node.value(QStringLiteral("id")).toString()),
                 escapeHtml(node.value(QStringLiteral("name")).toString()),
                 escapeHtml(
                     online
                         ? pageText(language, QT_TRANSLATE_NOOP("PublicStatusPage", "Online"))
                         : pageText(language, QT_TRANSLATE_NOOP("PublicStatusPage", "Offline"))));
    const auto percentRow = [&](const char *label, const char *field, int digits) {
        html += pageRow(
            pageText(language, label), QLatin1String(field),
            escapeHtml(pagePercentText(node.value(QLatin1String(field)), digits, language)));
    };
    percentRow(QT_TRANSLATE_NOOP("PublicStatusPage", "Availability (24 hours)"), "availability_24h",
               2);
    percentRow(QT_TRANSLATE_NOOP("PublicStatusPage", "Availability (30 days)"), "availability_30d",
               2);
    percentRow(QT_TRANSLATE_NOOP("PublicStatusPage", "CPU"), "cpu_percent", 1);
    percentRow(QT_TRANSLATE_NOOP("PublicStatusPage", "Memory"), "memory_percent", 1);
    percentRow(QT_TRANSLATE_NOOP("PublicStatusPage", "Disk"), "disk_percent", 1);
    html += pageRow(pageText(language, QT_TRANSLATE_NOOP("PublicStatusPage", "Uptime")),
                    QStringLiteral("uptime_s"),
                    escapeHtml(pageUptimeText(node.value(QStringLiteral("uptime_s")), language)));
    html += pageRow(pageText(language, QT_TRANSLATE_NOOP("PublicStatusPage", "Last seen")),
                    QStringLiteral("last_seen"),
                    pageTimeHtml(node.value(QStringLiteral("last_seen")).toString(), language));
    // Present only when the settings show addresses (PublicStatus::nodeJson).
    if (node.contains(QStringLiteral("ip")))
        html +=
            pageRow(pageText(language, QT_TRANSLATE_NOOP("PublicStatusPage", "Address")),
                    QStringLiteral("ip"), escapeHtml(node.value(QStringLiteral("ip")).toString()));
    html += QStringLiteral("</dl></li>");
    return html;
}

// The script's texts, as a JSON data block: "<" written as \u003c so that no
// value can close the element.
QString pageScriptTexts(Language language)
{
    const auto t = [language](const char *source) { return pageText(language, source); };
    const QJsonObject texts{
        {QStringLiteral("online"), t(QT_TRANSLATE_NOOP("PublicStatusPage", "Online"))},
        {QStringLiteral("offline"), t(QT_TRANSLATE_NOOP("PublicStatusPage", "Offline"))},
        {QStringLiteral("noData"), t(QT_TRANSLATE_NOOP("PublicStatusPage", "No data"))},
        {QStringLiteral("never"), t(QT_TRANSLATE_NOOP("PublicStatusPage", "Never"))},
        {QStringLiteral("days"), t(QT_TRANSLATE_NOOP("PublicStatusPage", "%1 d %2 h"))},
        {QStringLiteral("hours"), t(QT_TRANSLATE_NOOP("PublicStatusPage", "%1 h %2 min"))},
        {QStringLiteral("summary"),
         t(QT_TRANSLATE_NOOP("PublicStatusPage", "%1 of %2 nodes online"))}};
    QString json = QString::fromUtf8(QJsonDocument(texts).toJson(QJsonDocument::Compact));
    json.replace(QLatin1Char('<'), QLatin1String("\\u003c"));
    return QStringLiteral("<script type=\"application/json\" id=\"hm-text\">") + json +
           QStringLiteral("</script>");
}

QString pageLanguageLinks(Language current, Language language)
{
    struct Choice
    {
        Language language;
        const char *name; // in its own language, never translated
    };
    static const Choice choices[] = {
        {Language::En, "English"}, {Language::ZhTw, "繁體中文"}, {Language::ZhCn, "简体中文"}};
    QString html =
        QStringLiteral("<nav aria-label=\"%1\">")
            .arg(escapeHtml(pageText(language, QT_TRANSLATE_NOOP("PublicStatusPage", "Language"))));
    for (const Choice &c : choices) {
        const QString tag = i18n::languageTag(c.language);
        html +=
            QStringLiteral("<a href=\"?lang=%1\" hreflang=\"%1\" lang=\"%1\"%2>%3</a>")
                .arg(tag,
                     c.language == current ? QStringLiteral(" aria-current=\"page\"") : QString(),
                     escapeHtml(QString::fromUtf8(c.name)));
    }
    return html + QStringLiteral("</nav>");
}

} // namespace

QString escapeHtml(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += QLatin1String("&amp;");
            break;
        case u'<':
            out += QLatin1String("&lt;");
            break;
        case u'>':
            out += QLatin1String("&gt;");
            break;
        case u'"':
            out += QLatin1String("&quot;");
            break;
        case u'\'':
            out += QLatin1String("&#39;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QByteArray renderPublicStatusPage(const QJsonObject &page, Language language,
                                  const QDateTime &renderedAt)
{
    QString title = page.value(QStringLiteral("title")).toString();
    if (title.isEmpty())
        title = pageText(language, QT_TRANSLATE_NOOP("PublicStatusPage", "Status"));
    const QJsonArray nodes = page.value(QStringLiteral("nodes")).toArray();
    int online = 0;
    QString cards;
    for (const QJsonValue &node : nodes) {
        const QJsonObject n = node.toObject();
        if (n.value(QStringLiteral("status")).toString() == QLatin1String("online"))
            ++online;
        cards += pageNodeHtml(n, language);
    }

    QString html;
    html.reserve(4096 + 1024 * int(nodes.size()));
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"") + i18n::languageTag(language) +
            QStringLiteral("\"><head><meta charset=\"utf-8\">"
                           "<meta name=\"viewport\" content=\"width=device-width, "
                           "initial-scale=1\">"
                           "<meta name=\"color-scheme\" content=\"light dark\">"
                           "<meta name=\"referrer\" content=\"no-referrer\">"
                           "<title>") +
            escapeHtml(title) +
            QStringLiteral("</title>"
                           // Without scripts, no live feed: the page refreshes itself.
                           "<noscript><meta http-equiv=\"refresh\" content=\"60\"></noscript>"
                           "<style>") +
            QString::fromUtf8(kPageStyle) + QStringLiteral("</style></head><body><header><h1>") +
            escapeHtml(title) +
            QStringLiteral("</h1><p><span class=\"summary\" id=\"hm-summary\">") +
            escapeHtml(
                pageText(language, QT_TRANSLATE_NOOP("PublicStatusPage", "%1 of %2 nodes online"))
                    .arg(online)
                    .arg(nodes.size())) +
            QStringLiteral("</span><span class=\"live\" id=\"hm-live\" hidden>● ") +
            escapeHtml(pageText(language, QT_TRANSLATE_NOOP("PublicStatusPage", "Live"))) +
            QStringLiteral("</span></p></header><main>");
    if (nodes.isEmpty())
        html += QStringLiteral("<p class=\"empty\">") +
                escapeHtml(pageText(language, QT_TRANSLATE_NOOP("PublicStatusPage",
                                                                "No nodes are shown here yet."))) +
                QStringLiteral("</p>");
    else
        html += QStringLiteral("<ul class=\"nodes\">") + cards + QStringLiteral("</ul>");
    const QString updated = renderedAt.toUTC().toString(Qt::ISODate);
    html += QStringLiteral("</main><footer><span>") +
            escapeHtml(pageText(language, QT_TRANSLATE_NOOP("PublicStatusPage", "Updated %1")))
                .arg(pageTimeHtml(updated, language)) +
            QStringLiteral("</span>") + pageLanguageLinks(language, language) +
            QStringLiteral("</footer>") + pageScriptTexts(language) + QStringLiteral("<script>") +
            QString::fromUtf8(kPageScript) + QStringLiteral("</script></body></html>\n");
    return html.toUtf8();
}

QList<QPair<QByteArray, QByteArray>> publicStatusPageHeaders(Language language)
{
    return {{QByteArrayLiteral("Content-Security-Policy"), pageContentSecurityPolicy()},
            {QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")},
            {QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer")},
            {QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY")},
            {QByteArrayLiteral("Content-Language"), i18n::languageTag(language).toLatin1()},
            {QByteArrayLiteral("Vary"), QByteArrayLiteral("Accept-Language")}};
}

} // namespace hm::server::publicpage
