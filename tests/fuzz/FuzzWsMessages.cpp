// WebSocket message handling. The server reads nothing from its /ws/…
// clients (WsConnection only takes any frame as a sign of life), so the
// messages parsed are the server's, on the client side (core/client):
// JsonWebSocket parses each text message and hands JSON objects to
// EventStream and ExecutionWatcher. The input is delivered through the
// socket's own textMessageReceived signal, so the whole path from message
// text to the classes' signals runs, without a network connection.
// Oracles: a message that is a JSON object yields exactly one message()
// (EventStream), anything else none; system_status and execution_* types
// are routed. The watcher, fresh (last sequence 0), applies a snapshot
// (lastSequence: its positive "seq") and an event numbered 0 (unnumbered)
// or 1 (the next); an event numbered below 1 is a repeat and one above 1
// leaves a gap (the watcher reconnects for a snapshot): neither is applied.

#include "FuzzCheck.h"
#include "client/EventStream.h"
#include "client/ExecutionWatcher.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace hm;
using namespace hm::client;

namespace {

struct Counts
{
    int messages = 0;
    int systemStatus = 0;
    int executionChanged = 0;
    int snapshots = 0;
    int events = 0;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureCoreApplication();
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    const bool isObject = error.error == QJsonParseError::NoError && doc.isObject();

    EventStream stream;
    ExecutionWatcher watcher;
    Counts counts;
    QObject::connect(&stream, &EventStream::message, [&] { ++counts.messages; });
    QObject::connect(&stream, &EventStream::systemStatus, [&] { ++counts.systemStatus; });
    QObject::connect(&stream, &EventStream::executionChanged, [&] { ++counts.executionChanged; });
    QObject::connect(&watcher, &ExecutionWatcher::snapshot, [&] { ++counts.snapshots; });
    QObject::connect(&watcher, &ExecutionWatcher::event, [&] { ++counts.events; });
    emit stream.socket().textMessageReceived(text);
    emit watcher.socket().textMessageReceived(text);

    HM_FUZZ_CHECK(counts.messages == (isObject ? 1 : 0), "EventStream message count");
    if (!isObject) {
        HM_FUZZ_CHECK(counts.snapshots + counts.events == 0,
                      "ExecutionWatcher applied a non-object");
        HM_FUZZ_CHECK(counts.systemStatus + counts.executionChanged == 0, "routed a non-object");
        return 0;
    }
    const QJsonObject message = doc.object();
    const QString type = message.value(QStringLiteral("type")).toString();
    HM_FUZZ_CHECK(counts.systemStatus == (type == QLatin1String("system_status") ? 1 : 0),
                  "system_status routing");
    HM_FUZZ_CHECK(counts.executionChanged == (type.startsWith(QLatin1String("execution_")) ? 1 : 0),
                  "execution_* routing");
    const bool isSnapshot = type == QLatin1String("snapshot");
    const qint64 seq = message.value(QStringLiteral("seq")).toInteger();
    const bool applied = isSnapshot || seq == 0 || seq == 1;
    HM_FUZZ_CHECK(counts.snapshots == (isSnapshot ? 1 : 0), "snapshot routing");
    HM_FUZZ_CHECK(counts.snapshots + counts.events == (applied ? 1 : 0),
                  "ExecutionWatcher message count");
    const qint64 expectedLast = isSnapshot ? std::max<qint64>(seq, 0) : (seq == 1 ? 1 : 0);
    HM_FUZZ_CHECK(watcher.lastSequence() == expectedLast, "lastSequence");
    return 0;
}
