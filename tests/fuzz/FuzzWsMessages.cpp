// WebSocket message handling, both ends of /ws/….
//
// What a client sends the server is its upgrade request: after the
// handshake the server reads nothing from /ws/ clients (WsConnection takes
// any frame only as a sign of life), so the server's WebSocket handling of
// client bytes is HttpServer's upgrade decision (isWebSocketUpgrade,
// isOriginAllowed, originKey) and WebSocketHub's choice of feed and
// credential (wsTargetOf, wsCredentialOf in server/ws/WsUpgrade), all
// socket-free. What the server sends is parsed by core/client: JsonWebSocket
// hands each JSON object to EventStream and ExecutionWatcher.
//
// Input: 'S' followed by raw request bytes drives the server side; any
// other input is a sequence of server messages for the client side, one per
// line ('\n'; a JSON text never needs a raw line break).
//
// Server oracles: an upgrade is a GET with a routable path under /ws/; an
// Origin is admitted only when absent or when its key is allowed; an
// origin key is a fixed point (the key of a key's URL is itself); a feed
// is chosen only for a path that decodes the same way in the HTTP parser
// and in the handshake's URL; an execution feed's id is 1 to 64 of
// [A-Za-z0-9_-] and its canonical path gives the same feed again; a
// credential read from a header survives re-serialising as
// "Authorization: Bearer …" and is never padded with spaces.
//
// Client oracles, over the whole sequence: EventStream emits exactly one
// message() per JSON object (its type, data and timestamp as sent) and
// routes system_status / execution_* / flow_* types; a message that is no
// object does nothing. ExecutionWatcher passes numbered events on at most
// once, in order and without gaps (each is the last sequence + 1); a
// repeat is counted as dropped; after a gap nothing more is passed on; a
// snapshot moves lastSequence() up to its "seq" and never down; the
// objects passed on are the messages as sent; no closed() without a
// connection. Re-serialising an object (compact) gives the same signals.

#include "FuzzCheck.h"
#include "client/EventStream.h"
#include "client/ExecutionWatcher.h"
#include "server/http/HttpParser.h"
#include "server/http/HttpServer.h"
#include "server/ws/WsUpgrade.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

using namespace hm;
using namespace hm::client;
using namespace hm::server;

namespace {

// At most this many messages of one input are delivered (bounded work).
constexpr int kMaxMessages = 64;

const QStringList &allowedOrigins()
{
    static const QStringList origins{QStringLiteral("https://console.example:443"),
                                     QStringLiteral("http://127.0.0.1:8080")};
    return origins;
}

http::HttpServer &httpServer()
{
    // Listens nowhere: only its upgrade checks are used.
    static http::HttpServer *server = [] {
        auto *s = new http::HttpServer;
        s->acceptWebSocketsUnder(QStringLiteral("/ws/"));
        s->setWebSocketOrigins(allowedOrigins());
        return s;
    }();
    return *server;
}

// The URL QWebSocketServer's handshake makes of the request (Qt 6.4,
// QWebSocketHandshakeRequest::readHandshake): the request-target, given the
// Host header as authority when it is relative, scheme ws. WebSocketHub
// reads its decoded path and its ?token=.
QUrl handshakeUrl(const http::HttpRequest &request)
{
    QUrl url = QUrl::fromEncoded(request.target().toByteArray());
    if (url.isRelative())
        url.setAuthority(QString::fromLatin1(request.firstValue("Host")));
    if (url.scheme().isEmpty())
        url.setScheme(QStringLiteral("ws"));
    return url;
}

void checkOriginKey(const QString &key)
{
    if (key.isEmpty())
        return;
    HM_FUZZ_CHECK(http::HttpServer::originKey(QUrl(key, QUrl::StrictMode)) == key,
                  "an origin key is not a fixed point");
}

void checkTarget(const ws::WsTarget &target, const QString &path)
{
    using Feed = ws::WsTarget::Feed;
    if (target.feed == Feed::Events) {
        HM_FUZZ_CHECK(path == QLatin1String("/ws/events") || path == QLatin1String("/ws/events/") ||
                          path == QLatin1String("/ws/connect"),
                      "event feed for another path");
        HM_FUZZ_CHECK(target.executionId.isEmpty(), "event feed with an execution id");
        return;
    }
    if (target.feed == Feed::None) {
        HM_FUZZ_CHECK(target.executionId.isEmpty(), "no feed but an execution id");
        return;
    }
    const QString &id = target.executionId;
    HM_FUZZ_CHECK(!id.isEmpty() && id.size() <= 64, "execution id length");
    for (const QChar c : id)
        HM_FUZZ_CHECK(c.unicode() < 128 && (c.isLetterOrNumber() || c == u'_' || c == u'-'),
                      "execution id character");
    HM_FUZZ_CHECK(path == QLatin1String("/ws/executions/") + id ||
                      path == QLatin1String("/ws/executions/") + id + u'/',
                  "execution feed for another path");
    const ws::WsTarget again = ws::wsTargetOf(QStringLiteral("/ws/executions/") + id);
    HM_FUZZ_CHECK(again.feed == Feed::Execution && again.executionId == id,
                  "canonical execution path gives another feed");
}

void checkCredential(const QUrl &url, const QByteArray &authorization, const QByteArray &apiKey)
{
    const QString credential = ws::wsCredentialOf(url, authorization, apiKey);
    const QString queryToken =
        QUrlQuery(url).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    if (!queryToken.isEmpty()) {
        HM_FUZZ_CHECK(credential == queryToken, "?token= does not come first");
        return;
    }
    HM_FUZZ_CHECK(credential == credential.trimmed(), "a header credential padded with spaces");
    // Without headers: nothing; from a header, sent again as a bearer token
    // (a URL without a query): the same credential.
    const QUrl bare = QUrl(url).adjusted(QUrl::RemoveQuery);
    HM_FUZZ_CHECK(ws::wsCredentialOf(bare, {}, {}).isEmpty(), "a credential out of nothing");
    if (credential.isEmpty())
        return;
    const QByteArray bearer = "Bearer " + credential.toLatin1();
    HM_FUZZ_CHECK(ws::wsCredentialOf(bare, bearer, {}) == credential,
                  "a credential re-sent as a bearer token reads differently");
    HM_FUZZ_CHECK(ws::wsCredentialOf(bare, {}, credential.toLatin1()) == credential,
                  "a credential re-sent as X-API-Key reads differently");
}

void fuzzUpgrade(const QByteArray &bytes)
{
    http::HttpParser parser(http::HttpParser::Limits{},
                            [](const http::HttpRequest &) -> qsizetype { return 4096; });
    QByteArray buffer = bytes;
    if (parser.parse(buffer) != http::HttpParser::Step::Request)
        return;
    const http::HttpRequest request = parser.takeRequest();
    http::HttpServer &server = httpServer();

    const bool upgrade = server.isWebSocketUpgrade(request);
    if (upgrade) {
        HM_FUZZ_CHECK(request.method() == http::Method::Get, "an upgrade that is no GET");
        HM_FUZZ_CHECK(request.hasRoutablePath(), "an upgrade on an unroutable path");
        HM_FUZZ_CHECK(request.path().startsWith(QLatin1String("/ws/")), "an upgrade outside /ws/");
    }
    const bool originAllowed = server.isOriginAllowed(request);
    if (request.hasHeader("Origin")) {
        const QString key = http::HttpServer::originKey(
            QUrl(QString::fromLatin1(request.value("Origin")), QUrl::StrictMode));
        checkOriginKey(key);
        HM_FUZZ_CHECK(originAllowed == (!key.isEmpty() && allowedOrigins().contains(key)),
                      "Origin admission disagrees with its key");
    } else {
        HM_FUZZ_CHECK(originAllowed, "refused an upgrade without Origin");
    }
    checkOriginKey(http::HttpServer::originKey(QUrl(QString::fromLatin1(request.target()))));

    // What WebSocketHub::accept() reads of the upgrades that reach it (and,
    // for the oracles, of the others too).
    const QUrl url = handshakeUrl(request);
    const ws::WsTarget target = ws::wsTargetOf(url.path());
    checkTarget(target, url.path());
    if (upgrade && originAllowed && target.feed != ws::WsTarget::Feed::None)
        HM_FUZZ_CHECK(QUrl::fromPercentEncoding(request.path().toLatin1()) == url.path(),
                      "the hub serves another path than the HTTP server admitted");
    checkCredential(url, request.firstValue("Authorization").toByteArray(),
                    request.firstValue("X-API-Key").toByteArray());
}

struct StreamSeen
{
    QString type;
    QJsonObject data;
    QDateTime timestamp;
    int messages = 0;
    int systemStatus = 0;
    int executionChanged = 0;
    int flowChanged = 0;
};

// One message at a time through an EventStream of its own.
class StreamProbe
{
public:
    StreamProbe()
    {
        QObject::connect(&m_stream, &EventStream::message,
                         [this](const QString &type, const QJsonObject &data, const QDateTime &at) {
                             ++m_seen.messages;
                             m_seen.type = type;
                             m_seen.data = data;
                             m_seen.timestamp = at;
                         });
        QObject::connect(&m_stream, &EventStream::systemStatus, [this] { ++m_seen.systemStatus; });
        QObject::connect(&m_stream, &EventStream::executionChanged,
                         [this] { ++m_seen.executionChanged; });
        QObject::connect(&m_stream, &EventStream::flowChanged, [this] { ++m_seen.flowChanged; });
    }
    StreamSeen feed(const QString &text)
    {
        m_seen = {};
        emit m_stream.socket().textMessageReceived(text);
        return m_seen;
    }

private:
    EventStream m_stream;
    StreamSeen m_seen;
};

void fuzzMessages(const QByteArray &bytes)
{
    EventStream stream;
    ExecutionWatcher watcher;
    StreamProbe probe;
    int streamMessages = 0;
    int closed = 0;
    QList<QJsonObject> passedOn; // by the watcher, in order
    QList<bool> isSnapshot;
    QObject::connect(&stream, &EventStream::message, [&] { ++streamMessages; });
    QObject::connect(&watcher, &ExecutionWatcher::snapshot, [&](const QJsonObject &m) {
        passedOn.append(m);
        isSnapshot.append(true);
    });
    QObject::connect(&watcher, &ExecutionWatcher::event, [&](const QJsonObject &m) {
        passedOn.append(m);
        isSnapshot.append(false);
    });
    QObject::connect(&watcher, &ExecutionWatcher::closed, [&] { ++closed; });
    QObject::connect(&stream, &EventStream::closed, [&] { ++closed; });

    qint64 last = 0;     // what the watcher must have as lastSequence()
    bool broken = false; // a gap was seen
    int duplicates = 0;
    const QList<QByteArray> lines = bytes.split('\n');
    for (qsizetype i = 0; i < lines.size() && i < kMaxMessages; ++i) {
        const QString text = QString::fromUtf8(lines.at(i));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
        const bool isObject = error.error == QJsonParseError::NoError && doc.isObject();
        const qsizetype streamBefore = streamMessages;
        const qsizetype passedBefore = passedOn.size();
        const qint64 lastBefore = watcher.lastSequence();
        emit stream.socket().textMessageReceived(text);
        emit watcher.socket().textMessageReceived(text);

        HM_FUZZ_CHECK(streamMessages - streamBefore == (isObject ? 1 : 0),
                      "EventStream message count");
        const qsizetype passed = passedOn.size() - passedBefore;
        HM_FUZZ_CHECK(passed <= 1, "ExecutionWatcher passed one message on twice");
        if (!isObject) {
            HM_FUZZ_CHECK(passed == 0, "ExecutionWatcher passed on a non-object");
            HM_FUZZ_CHECK(watcher.lastSequence() == lastBefore, "a non-object moved the sequence");
            continue;
        }
        const QJsonObject message = doc.object();
        const QString type = message.value(QStringLiteral("type")).toString();
        const qint64 seq = message.value(QStringLiteral("seq")).toInteger();
        const bool snapshot = type == QLatin1String("snapshot");

        // The same message alone, and re-serialised, through EventStream.
        const StreamSeen seen = probe.feed(text);
        HM_FUZZ_CHECK(seen.messages == 1 && seen.type == type &&
                          seen.data == message.value(QStringLiteral("data")).toObject(),
                      "EventStream message() is not the message sent");
        HM_FUZZ_CHECK(seen.systemStatus == (type == QLatin1String("system_status") ? 1 : 0),
                      "system_status routing");
        HM_FUZZ_CHECK(seen.executionChanged ==
                          (type.startsWith(QLatin1String("execution_")) ? 1 : 0),
                      "execution_* routing");
        HM_FUZZ_CHECK(seen.flowChanged == (type.startsWith(QLatin1String("flow_")) ? 1 : 0),
                      "flow_* routing");
        const StreamSeen again =
            probe.feed(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
        HM_FUZZ_CHECK(again.messages == 1 && again.type == seen.type && again.data == seen.data &&
                          again.timestamp == seen.timestamp &&
                          again.systemStatus == seen.systemStatus &&
                          again.executionChanged == seen.executionChanged &&
                          again.flowChanged == seen.flowChanged,
                      "the re-serialised message reads differently");

        // The watcher's sequence rules.
        if (broken) {
            HM_FUZZ_CHECK(passed == 0, "passed on after a gap");
        } else if (snapshot) {
            HM_FUZZ_CHECK(passed == 1 && isSnapshot.last(), "a snapshot not passed on as one");
            last = std::max(last, seq);
        } else if (seq == 0) {
            HM_FUZZ_CHECK(passed == 1 && !isSnapshot.last(), "an unnumbered event not passed on");
        } else if (seq <= last) {
            HM_FUZZ_CHECK(passed == 0, "a repeated event passed on");
            ++duplicates;
        } else if (seq == last + 1) {
            HM_FUZZ_CHECK(passed == 1 && !isSnapshot.last(), "the next event not passed on");
            last = seq;
        } else {
            HM_FUZZ_CHECK(passed == 0, "an event after a gap passed on");
            broken = true;
        }
        if (passed == 1)
            HM_FUZZ_CHECK(passedOn.last() == message, "passed on another object than sent");
        HM_FUZZ_CHECK(watcher.lastSequence() >= lastBefore, "lastSequence went down");
        HM_FUZZ_CHECK(watcher.lastSequence() == last, "lastSequence");
        HM_FUZZ_CHECK(watcher.duplicatesDropped() == duplicates, "duplicatesDropped");
    }
    HM_FUZZ_CHECK(closed == 0, "closed() without a connection");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureCoreApplication();
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    if (bytes.startsWith('S'))
        fuzzUpgrade(bytes.sliced(1));
    else
        fuzzMessages(bytes);
    return 0;
}
