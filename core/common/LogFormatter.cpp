#include "common/LogFormatter.h"

#include "common/IsoTime.h"
#include "common/LogOutput.h"
#include "common/SensitiveDataMasker.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSysInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <atomic>
#include <cstdio>

namespace hm::logging {
namespace {

thread_local QString t_requestId;
thread_local QString t_user;
// The process's fields of every JSON record, set by install() before the
// handler runs and never changed after.
struct ProcessFields
{
    QString service;
    QString host;
    qint64 pid = 0;
};
ProcessFields &processFields()
{
    static ProcessFields fields;
    return fields;
}
std::atomic<Format> g_format{Format::Text};
std::atomic<RecordSink> g_sink{nullptr};
// install() or tapRecords() ran: the sink is fed.
std::atomic<bool> g_fed{false};
// The handler tapRecords() found installed, which it passes messages on to.
std::atomic<QtMessageHandler> g_tapped{nullptr};

// A level's name: lower case in JSON records, upper case in text lines.
struct LevelName
{
    QLatin1StringView lower;
    QLatin1StringView upper;
};

LevelName levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return {QLatin1StringView("debug"), QLatin1StringView("DEBUG")};
    case QtInfoMsg:
        break;
    case QtWarningMsg:
        return {QLatin1StringView("warning"), QLatin1StringView("WARNING")};
    case QtCriticalMsg:
        return {QLatin1StringView("error"), QLatin1StringView("ERROR")};
    case QtFatalMsg:
        return {QLatin1StringView("fatal"), QLatin1StringView("FATAL")};
    }
    return {QLatin1StringView("info"), QLatin1StringView("INFO")};
}

QLatin1StringView categoryName(const char *category)
{
    return category ? QLatin1StringView(category) : QLatin1StringView("default");
}

bool isControl(char16_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
}

} // namespace

QString escapeControls(const QString &text)
{
    // Nearly every line has nothing to escape: one scan, no copy.
    const char16_t *data = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype size = text.size();
    qsizetype first = 0;
    while (first < size && !isControl(data[first]))
        ++first;
    if (first == size)
        return text;
    QString escaped;
    escaped.reserve(size + 16);
    escaped.append(QStringView(data, first));
    static constexpr char hex[] = "0123456789abcdef";
    for (qsizetype i = first; i < size; ++i) {
        const char16_t c = data[i];
        if (!isControl(c)) {
            escaped += QChar(c);
        } else if (c == u'\n') {
            escaped += QLatin1StringView("\\n");
        } else if (c == u'\r') {
            escaped += QLatin1StringView("\\r");
        } else if (c == u'\t') {
            escaped += QLatin1StringView("\\t");
        } else if (c <= 0xff) {
            const char bytes[] = {'\\', 'x', hex[c >> 4], hex[c & 0xf]};
            escaped += QLatin1StringView(bytes, 4);
        } else {
            const char bytes[] = {
                '\\', 'u', hex[c >> 12], hex[(c >> 8) & 0xf], hex[(c >> 4) & 0xf], hex[c & 0xf]};
            escaped += QLatin1StringView(bytes, 6);
        }
    }
    return escaped;
}

namespace {

// One record from an already masked message; `ms` is its time.
QString formatMasked(Format format, qint64 ms, QtMsgType type, const char *category,
                     const QString &maskedMessage, const QString &requestId)
{
    if (format == Format::Json) {
        QJsonObject record{{QStringLiteral("time"), formatIsoUtcMs(ms)},
                           {QStringLiteral("level"), QString(levelName(type).lower)},
                           {QStringLiteral("category"), QString(categoryName(category))},
                           {QStringLiteral("message"), maskedMessage}};
        const ProcessFields &process = processFields();
        if (!process.service.isEmpty())
            record.insert(QStringLiteral("service"), process.service);
        if (!process.host.isEmpty())
            record.insert(QStringLiteral("host"), process.host);
        if (process.pid > 0)
            record.insert(QStringLiteral("pid"), process.pid);
        if (!requestId.isEmpty())
            record.insert(QStringLiteral("request_id"), requestId);
        if (const QString user = UserScope::current(); !user.isEmpty())
            record.insert(QStringLiteral("user"), user);
        return QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact));
    }
    // "<time> <LEVEL> <category>[ [<request id>]]: <message>", built in one
    // allocation.
    const QLatin1StringView level = levelName(type).upper;
    const QLatin1StringView name = categoryName(category);
    QString line;
    line.reserve(kIsoUtcMsLength + level.size() + name.size() + requestId.size() +
                 maskedMessage.size() + 8);
    char time[kIsoUtcMsLength];
    if (writeIsoUtcMs(ms, time))
        line += QLatin1StringView(time, kIsoUtcMsLength);
    else
        line += formatIsoUtcMs(ms);
    line += u' ';
    line += level;
    line += u' ';
    line += name;
    if (!requestId.isEmpty()) {
        line += QLatin1StringView(" [");
        line += requestId;
        line += u']';
    }
    line += QLatin1StringView(": ");
    line += maskedMessage;
    return escapeControls(line);
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // One clock read, one masking pass and one request id for both the
    // line and the record sink: they describe the same event.
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    const QString safe = SensitiveDataMasker::maskText(message);
    const QString requestId = RequestIdScope::current();
    QString line = formatMasked(g_format.load(), ms, type, context.category, safe, requestId);
    line += u'\n';
    LogOutput::write(line.toUtf8(), type != QtDebugMsg && type != QtInfoMsg);
    // An error is often the last line before an abort (HM_CHECK, qFatal):
    // it reaches a log file before this returns, not on the log thread's
    // next turn, which an abort would never see.
    if (type == QtCriticalMsg || type == QtFatalMsg)
        LogOutput::flush();
    if (const RecordSink sink = g_sink.load())
        sink(LogRecord{QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC), type,
                       QString(categoryName(context.category)), safe, requestId});
}

// tapRecords()'s handler: the record for the sink, then the message as it
// came to whoever handled it before.
void tapHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (const RecordSink sink = g_sink.load())
        sink(LogRecord{QDateTime::currentDateTimeUtc(), type,
                       QString(categoryName(context.category)),
                       SensitiveDataMasker::maskText(message), RequestIdScope::current()});
    if (const QtMessageHandler next = g_tapped.load())
        next(type, context, message);
}

} // namespace

QString formatRecord(Format format, QtMsgType type, const char *category, const QString &message,
                     const QString &requestId)
{
    return formatMasked(format, QDateTime::currentMSecsSinceEpoch(), type, category,
                        SensitiveDataMasker::maskText(message), requestId);
}

void info(const QLoggingCategory &category, const QString &message)
{
    if (!category.isInfoEnabled())
        return;
    // What QDebug's destructor does with its buffer (release builds carry
    // no file/line/function in the context either).
    const QMessageLogContext context(nullptr, 0, nullptr, category.categoryName());
    qt_message_output(QtInfoMsg, context, message);
}

void install(Format format)
{
    ProcessFields &process = processFields();
    process.service = QCoreApplication::applicationName();
    process.host = QSysInfo::machineHostName();
    process.pid = QCoreApplication::applicationPid();
    g_format.store(format);
    g_fed.store(true);
    qInstallMessageHandler(handler);
}

void tapRecords()
{
    if (g_fed.exchange(true))
        return;
    // The previous handler is stored before messages can reach tapHandler.
    // qInstallMessageHandler answers Qt's default handler when none was
    // installed, so there is always one to pass on to.
    g_tapped.store(qInstallMessageHandler(nullptr));
    qInstallMessageHandler(tapHandler);
}

void setRecordSink(RecordSink sink)
{
    g_sink.store(sink);
}

bool parseFormat(const QString &name, Format *format)
{
    if (name == QLatin1String("text")) {
        *format = Format::Text;
        return true;
    }
    if (name == QLatin1String("json")) {
        *format = Format::Json;
        return true;
    }
    return false;
}

RequestIdScope::RequestIdScope(const QString &requestId) : m_previous(t_requestId)
{
    t_requestId = requestId;
}

RequestIdScope::~RequestIdScope()
{
    t_requestId = m_previous;
}

QString RequestIdScope::current()
{
    return t_requestId;
}

UserScope::UserScope(const QString &username) : m_previous(t_user)
{
    t_user = username;
}

UserScope::~UserScope()
{
    t_user = m_previous;
}

QString UserScope::current()
{
    return t_user;
}

} // namespace hm::logging
