#pragma once

// nginx's verdict on a reload, read where nginx writes it. A master that
// cannot take a new config (a port another program holds passes nginx -t)
// writes an [emerg] line to its error log and keeps the old config; one
// that takes it starts new workers. Reading the log tells the refusal
// apart from a master that is merely slow, which no timeout can.

#include <QList>
#include <QString>
#include <QStringList>

namespace hm::agent {

// What `nginx -V` says it was built with (empty when it does not say).
struct NginxBuildPaths
{
    QString prefix;   // --prefix
    QString errorLog; // --error-log-path: the log before (or without) error_log
};

NginxBuildPaths parseNginxBuildPaths(const QString &versionOutput);

// The files nginx's master logs to: the top-level `error_log` directives of
// the main config text (stderr, syslog: and memory: are no files), else
// the built-in error log. Relative paths are the prefix's, as nginx takes
// them (`prefix`: the agent's nginx_prefix, else the built-in one).
QStringList nginxErrorLogFiles(const QString &confText, const QString &prefix,
                               const NginxBuildPaths &build);

// Where a log file ended before a reload (0 when it did not exist yet).
struct NginxLogMark
{
    QString path;
    qint64 offset = 0;
};

QList<NginxLogMark> markNginxLogs(const QStringList &paths);

// nginx's refusal written to a marked file after its mark (a file that
// shrank, rotated, is read from its start): the [emerg] lines up to its
// final one, "\n"-joined. A port in use is retried for a while, so its
// bind() lines count only with the "still could not bind()" that ends them.
// Empty: no refusal (yet).
QString nginxEmergSince(const QList<NginxLogMark> &marks);

} // namespace hm::agent
