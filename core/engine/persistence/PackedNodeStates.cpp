#include "engine/persistence/PackedNodeStates.h"

#include "common/JsonText.h"

#include <QJsonDocument>

namespace hm::engine::persistence {

namespace {

// The QString a text parameter holds, without QVariant's conversion
// machinery (the parameters were bound as QString or left null).
const QString *stringIn(const QVariant &value)
{
    return value.metaType().id() == QMetaType::QString
               ? static_cast<const QString *>(value.constData())
               : nullptr;
}

} // namespace

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

void PackedNodeWriter::text(QLatin1StringView name, const QVariant &value)
{
    key(name);
    if (const QString *string = stringIn(value))
        json::appendString(m_out, *string);
    else if (!value.isValid() || value.isNull())
        m_out += u"null";
    else
        json::appendString(m_out, value.toString());
}

void PackedNodeWriter::number(QLatin1StringView name, const QVariant &value)
{
    key(name);
    if (!value.isValid() || value.isNull())
        m_out += u"null";
    else
        m_out += QString::number(value.toLongLong());
}

void PackedNodeWriter::json(QLatin1StringView name, const QVariant &value)
{
    key(name);
    const QString *text = stringIn(value);
    if (text && !text->isEmpty())
        m_out += *text;
    else
        m_out += u"null";
}

QJsonArray readPackedNodeStates(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

} // namespace hm::engine::persistence
