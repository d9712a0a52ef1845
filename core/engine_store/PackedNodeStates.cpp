#include "engine_store/PackedNodeStates.h"

#include "common/JsonText.h"
#include "engine_store/JsonColumn.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hm::engine::persistence {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kFormat = 2;

// Positions in a format 2 entry (scoped: Status and ErrorCode are also
// names of the project's own types).
namespace field {
enum : qsizetype
{
    NodeId,
    Component,
    Status,
    Attempt,
    Started,
    Ended,
    Inputs,
    Outputs,
    SkipReason,
    ErrorCode,
    ErrorMessage,
    Logs,
};
} // namespace field

QJsonValue objectOrNull(const QJsonValue &value)
{
    return value.isObject() || value.isArray() ? value : QJsonValue();
}

// Format 1: an object keyed like the node_executions columns.
StoredNode fromKeyedObject(const QJsonObject &o)
{
    auto integer = [&](QLatin1StringView key) { return qint64(o.value(key).toInteger(0)); };
    StoredNode n;
    n.nodeId = o.value("node_id"_L1).toString();
    n.component = o.value("component"_L1).toString();
    n.version = o.value("version"_L1).toString();
    n.status = o.value("status"_L1).toString();
    n.attempt = integer("attempt"_L1);
    n.skipReason = o.value("skip_reason"_L1).toString();
    n.inputs = objectOrNull(o.value("inputs"_L1));
    n.outputs = objectOrNull(o.value("outputs"_L1));
    n.errorCode = o.value("error_code"_L1).toString();
    n.errorMessage = o.value("error_message"_L1).toString();
    n.startedAtMs = integer("started_at"_L1);
    n.endedAtMs = integer("ended_at"_L1);
    const QJsonValue duration = o.value("duration_ms"_L1);
    n.durationMs = duration.isDouble() ? duration.toInteger() : -1;
    n.logs = objectOrNull(o.value("logs"_L1));
    return n;
}

QList<StoredNode> readFormat1(const QJsonArray &entries)
{
    QList<StoredNode> nodes;
    nodes.reserve(entries.size());
    for (const QJsonValue &entry : entries)
        nodes.append(fromKeyedObject(entry.toObject()));
    return nodes;
}

QList<StoredNode> readFormat2(const QJsonObject &document)
{
    const QJsonArray components = document.value("components"_L1).toArray();
    const QJsonArray entries = document.value("nodes"_L1).toArray();
    QList<StoredNode> nodes;
    nodes.reserve(entries.size());
    qint64 previousMs = 0;
    // A missing time is 0 ("none") and leaves the running time as it is.
    const auto time = [&](const QJsonValue &delta) {
        if (!delta.isDouble())
            return qint64(0);
        previousMs += delta.toInteger(0);
        return previousMs;
    };
    for (const QJsonValue &entryValue : entries) {
        const QJsonArray e = entryValue.toArray();
        StoredNode n;
        n.nodeId = e.at(field::NodeId).toString();
        const QJsonArray component = components.at(e.at(field::Component).toInteger(-1)).toArray();
        n.component = component.at(0).toString();
        n.version = component.at(1).toString();
        n.status = e.at(field::Status).toString();
        n.attempt = e.at(field::Attempt).toInteger(0);
        n.startedAtMs = time(e.at(field::Started));
        n.endedAtMs = time(e.at(field::Ended));
        n.durationMs = durationMs(n.startedAtMs, n.endedAtMs); // as rows store it
        n.inputs = objectOrNull(e.at(field::Inputs));
        n.outputs = objectOrNull(e.at(field::Outputs));
        n.skipReason = e.at(field::SkipReason).toString();
        n.errorCode = e.at(field::ErrorCode).toString();
        n.errorMessage = e.at(field::ErrorMessage).toString();
        n.logs = objectOrNull(e.at(field::Logs));
        nodes.append(std::move(n));
    }
    return nodes;
}

} // namespace

PackedNodeStatesWriter::PackedNodeStatesWriter()
{
    // About what a node of a small flow takes, so most texts grow once.
    m_text.reserve(1024);
    m_text += u"{\"format\":";
    json::appendInteger(m_text, kFormat);
    m_text += u",\"nodes\":[";
}

qsizetype PackedNodeStatesWriter::componentIndex(const QString &component, const QString &version)
{
    for (qsizetype i = 0; i < m_components.size(); ++i) {
        if (m_components.at(i).first == component && m_components.at(i).second == version)
            return i;
    }
    m_components.append({component, version});
    return m_components.size() - 1;
}

void PackedNodeStatesWriter::appendTime(qint64 ms)
{
    m_text += u',';
    if (ms == 0) {
        m_text += u"null";
        return;
    }
    json::appendInteger(m_text, ms - m_previousMs);
    m_previousMs = ms;
}

void PackedNodeStatesWriter::append(const NodeRecord &r)
{
    m_text += m_empty ? u"[" : u",[";
    m_empty = false;
    json::appendString(m_text, r.nodeId);
    m_text += u',';
    json::appendInteger(m_text, componentIndex(r.component, r.version));
    m_text += u',';
    json::appendString(m_text, r.status);
    m_text += u',';
    json::appendInteger(m_text, r.attempt);
    appendTime(r.startedAtMs);
    appendTime(r.endedAtMs);

    const auto appendObject = [this](const QJsonObject &object) {
        m_text += u',';
        if (object.isEmpty())
            m_text += u"null";
        else
            appendMaskedJson(m_text, object);
    };
    const auto appendText = [this](const QString &text) {
        m_text += u',';
        if (text.isEmpty())
            m_text += u"null";
        else
            json::appendString(m_text, text);
    };
    appendObject(r.inputs);
    appendObject(r.outputs);
    appendText(r.skipReason);
    appendText(r.errorCode);
    appendText(r.errorMessage);
    m_text += u',';
    if (r.logs.isEmpty())
        m_text += u"null";
    else
        appendJsonStrings(m_text, r.logs);
    // Trailing nulls are left out (a missing field reads as null). Only a
    // null field ends in ",null": objects, arrays and strings end in a
    // bracket or a quote.
    while (m_text.endsWith(u",null"))
        m_text.truncate(m_text.size() - 5);
    m_text += u']';
}

QString PackedNodeStatesWriter::take()
{
    m_text += u"],\"components\":[";
    for (qsizetype i = 0; i < m_components.size(); ++i) {
        m_text += i == 0 ? u"[" : u",[";
        json::appendString(m_text, m_components.at(i).first);
        m_text += u',';
        json::appendString(m_text, m_components.at(i).second);
        m_text += u']';
    }
    m_text += u"]}";
    return m_text.toString();
}

QList<StoredNode> readPackedNodeStates(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (document.isArray())
        return readFormat1(document.array());
    if (document.isObject() && document.object().value("format"_L1).toInteger(0) == kFormat)
        return readFormat2(document.object());
    return {};
}

} // namespace hm::engine::persistence
