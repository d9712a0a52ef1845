#pragma once

// Reading what the nginx capability needs out of nginx's own text: the
// directives of a config file (without evaluating it: nginx -t is the
// judge of validity) and openssl's description of a certificate. Pure
// functions, so that tests need neither nginx nor openssl.

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace hm::agent {

// One `server { … }` block: the values of its directives at its own level.
struct NginxServerBlock
{
    QStringList serverNames;
    QStringList listen;          // each listen directive's arguments, as written
    QStringList sslCertificates; // ssl_certificate paths, as written
};

// The text without comments ('#' to the end of the line, outside quotes).
QString stripNginxComments(const QString &text);
// Every server block of a config text (a site file, nested in nothing, or
// inside `http { }`).
QList<NginxServerBlock> nginxServerBlocks(const QString &text);
// The first top-level `pid` directive's path, empty when there is none.
QString nginxPidDirective(const QString &text);
// The first argument of each top-level `error_log` directive, as written.
QStringList nginxErrorLogDirectives(const QString &text);

// `openssl x509 -noout -subject -issuer -dates -ext subjectAltName
// -fingerprint -sha256` output → {subject, issuer, not_before, not_after
// (ISO-8601 UTC), days_left (whole days from `now`, negative once
// expired), self_signed (subject == issuer), sans [..], fingerprint_sha256}.
// Empty when the dates are missing (not a certificate).
QJsonObject parseOpensslCertificateText(const QString &output, const QDateTime &now);

} // namespace hm::agent
