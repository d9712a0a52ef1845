#pragma once

#include <QDateTime>
#include <QLoggingCategory>
#include <QString>
#include <QtGlobal>

namespace hm::logging {

enum class Format
{
    Text,
    Json
};

// Installs the process-wide message handler. Text: one human line; Json: one
// object per line {time, level, category, message, service, host, pid,
// request_id?, user?} (docs/observability.md lists the fields). Both pass
// the message through SensitiveDataMasker::maskText so secrets never land in
// a log. Output goes to stderr.
void install(Format format);
bool parseFormat(const QString &name, Format *format);

// One log line as the handler saw it, message already masked.
struct LogRecord
{
    QDateTime time;
    QtMsgType type = QtInfoMsg;
    QString category;
    QString message;
    QString requestId;
};
// A second consumer of every record the installed handler writes (the
// server's in-memory log buffer behind GET /api/v1/logs). Called on the
// logging thread; it must be thread-safe and must not log. nullptr removes it.
using RecordSink = void (*)(const LogRecord &record);
void setRecordSink(RecordSink sink);
// For a process that keeps a message handler of its own (the console,
// whose embedded server answers GET /api/v1/logs from the sink): puts a
// handler in front of the installed one that hands every message to the
// record sink, masked as install()'s handler masks it, and then passes the
// message on unchanged, so the process's own output stays as it was. Once
// per process; nothing when install() ran (its handler feeds the sink).
void tapRecords();

// `text` with its control characters written out ("\n", "\r", "\t",
// "\x1b", "\u2028"): a text log line is one line whatever a request put
// into it (a %0A in a URL path must not forge the next line). Every text
// line goes through it; JSON records are escaped by JSON itself.
QString escapeControls(const QString &text);

// Formats one record; exposed for tests.
QString formatRecord(Format format, QtMsgType type, const char *category, const QString &message,
                     const QString &requestId);

// What qCInfo(category) << message writes, without QDebug's stream (no
// spaces or quotes added): for lines written per request (the access log).
void info(const QLoggingCategory &category, const QString &message);

// Marks log lines written on this thread with a request id while alive.
class RequestIdScope
{
public:
    explicit RequestIdScope(const QString &requestId);
    ~RequestIdScope();
    RequestIdScope(const RequestIdScope &) = delete;
    RequestIdScope &operator=(const RequestIdScope &) = delete;

    static QString current();

private:
    QString m_previous;
};

// Marks log lines written on this thread with the signed-in user's name
// while alive (JSON "user"; the route helper sets it once the caller is
// authenticated). Names only, never a token.
class UserScope
{
public:
    explicit UserScope(const QString &username);
    ~UserScope();
    UserScope(const UserScope &) = delete;
    UserScope &operator=(const UserScope &) = delete;

    static QString current();

private:
    QString m_previous;
};

} // namespace hm::logging
