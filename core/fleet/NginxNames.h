#pragma once

// What an nginx request may name (issue 38 item 7; docs/agent-protocol.md
// "nginx"): checked by the server before it asks and again by the agent,
// which trusts no server. A site name becomes a file name in
// sites-available and sites-enabled, a domain a file name in the SSL
// directory and an openssl subject, a config body a file nginx reads: each
// is refused (VALIDATION_ERROR naming the field) unless it is plainly one.

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace hm::fleet {

// Config bodies (the main config, a site) are at most this big: 512 KiB.
inline constexpr qsizetype kMaxNginxConfigBytes = 512 * 1024;

// ^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$ and no "..": never a path.
Status checkNginxSiteName(const QString &name, const QString &field = QStringLiteral("name"));
// A DNS host name (letters, digits, '-', dots between labels of 1–63,
// at most 253 in all), optionally "*." first; lower-cased by the caller.
Status checkNginxDomain(const QString &domain, const QString &field = QStringLiteral("domain"));
// Text nginx can read: UTF-8, no NUL nor control characters other than
// tab, line feed and carriage return, at most kMaxNginxConfigBytes.
Status checkNginxConfigText(const QString &text, const QString &field = QStringLiteral("content"));

} // namespace hm::fleet
