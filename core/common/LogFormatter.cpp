#include "common/LogFormatter.h"

#include "common/SensitiveDataMasker.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <atomic>
#include <cstdio>

namespace hm::logging {
namespace {

thread_local QString t_requestId;
std::atomic<Format> g_format{Format::Text};
std::atomic<RecordSink> g_sink{nullptr};

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString line =
        formatRecord(g_format.load(), type, context.category, message, RequestIdScope::current());
    static QMutex mutex;
    const QByteArray bytes = line.toUtf8() + '\n';
    QMutexLocker lock(&mutex);
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
    lock.unlock();
    if (const RecordSink sink = g_sink.load()) {
        const QString category =
            context.category ? QString::fromLatin1(context.category) : QStringLiteral("default");
        sink(LogRecord{QDateTime::currentDateTimeUtc(), type, category,
                       SensitiveDataMasker::maskText(message), RequestIdScope::current()});
    }
}

} // namespace

QString formatRecord(Format format, QtMsgType type, const char *category, const QString &message,
                     const QString &requestId)
{
    const QString time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QString masked = SensitiveDataMasker::maskText(message);
    const QString categoryName =
        category ? QString::fromLatin1(category) : QStringLiteral("default");
    if (format == Format::Json) {
        QJsonObject record{{QStringLiteral("time"), time},
                           {QStringLiteral("level"), QString::fromLatin1(levelName(type))},
                           {QStringLiteral("category"), categoryName},
                           {QStringLiteral("message"), masked}};
        if (!requestId.isEmpty())
            record.insert(QStringLiteral("request_id"), requestId);
        return QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact));
    }
    QString line =
        time + u' ' + QString::fromLatin1(levelName(type)).toUpper() + u' ' + categoryName;
    if (!requestId.isEmpty())
        line += QStringLiteral(" [") + requestId + u']';
    return line + QStringLiteral(": ") + masked;
}

void install(Format format)
{
    g_format.store(format);
    qInstallMessageHandler(handler);
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

} // namespace hm::logging
