#include "engine/persistence/PackedNodeStates.h"

#include "common/JsonText.h"

#include <QJsonDocument>

namespace hm::engine::persistence {

PackedNodeWriter::PackedNodeWriter(QString &out) : m_out(out)
{
    m_out += u'{';
}

PackedNodeWriter::~PackedNodeWriter()
{
    m_out += u'}';
}

void PackedNodeWriter::key(QLatin1StringView name)
{
    if (!m_first)
        m_out += u',';
    m_first = false;
    m_out += u'"';
    m_out += name;
    m_out += u"\":";
}

void PackedNodeWriter::text(QLatin1StringView name, QStringView value)
{
    key(name);
    json::appendString(m_out, value);
}

void PackedNodeWriter::textOrNull(QLatin1StringView name, QStringView value)
{
    if (value.isEmpty())
        null(name);
    else
        text(name, value);
}

void PackedNodeWriter::number(QLatin1StringView name, qint64 value)
{
    key(name);
    m_out += QString::number(value);
}

void PackedNodeWriter::null(QLatin1StringView)
{
    // Left out: readers take a missing member as null.
}

QString &PackedNodeWriter::member(QLatin1StringView name)
{
    key(name);
    return m_out;
}

QJsonArray readPackedNodeStates(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

} // namespace hm::engine::persistence
