#pragma once

// The public status page as HTML (issue 35, docs/api.md "Public status
// page"): rendered on the server from the very data /public/api/v1/status
// answers, in the reader's language, self-contained (inline style and one
// inline script allowed by hash, nothing fetched from elsewhere). Every
// value is HTML-escaped; the script writes text only, never markup.

#include "server/i18n/ServerLanguage.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace hm::server::publicpage {

// `page` as PublicStatus::page() gives it ({title, nodes}); `renderedAt`
// for the "updated" line.
QByteArray renderPublicStatusPage(const QJsonObject &page, i18n::Language language,
                                  const QDateTime &renderedAt);

// The headers the page goes with: Content-Security-Policy (the inline
// style and script by their SHA-256, live updates to this origin only, no
// framing), nosniff, no referrer, its language.
QList<QPair<QByteArray, QByteArray>> publicStatusPageHeaders(i18n::Language language);

// Text for an HTML text node or a quoted attribute value: & < > " ' escaped.
QString escapeHtml(const QString &text);

} // namespace hm::server::publicpage
