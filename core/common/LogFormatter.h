#pragma once

#include <QString>
#include <QtGlobal>

namespace hm::logging {

enum class Format { Text, Json };

// Installs the process-wide message handler. Text: one human line; Json: one
// object per line {time, level, category, message, request_id?}. Both pass
// the message through SensitiveDataMasker::maskText so secrets never land in
// a log. Output goes to stderr.
void install(Format format);
bool parseFormat(const QString &name, Format *format);

// Formats one record; exposed for tests.
QString formatRecord(Format format, QtMsgType type, const char *category, const QString &message,
                     const QString &requestId);

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

} // namespace hm::logging
