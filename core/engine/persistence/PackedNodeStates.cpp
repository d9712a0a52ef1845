#include "engine/persistence/PackedNodeStates.h"

#include <QJsonDocument>

namespace hm::engine::persistence {

void appendJsonString(QString &out, QStringView text)
{
    static constexpr char16_t kHex[] = u"0123456789abcdef";
    out.reserve(out.size() + text.size() + 2);
    out += u'"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += u"\\\"";
            break;
        case u'\\':
            out += u"\\\\";
            break;
        case u'\n':
            out += u"\\n";
            break;
        case u'\r':
            out += u"\\r";
            break;
        case u'\t':
            out += u"\\t";
            break;
        case u'\b':
            out += u"\\b";
            break;
        case u'\f':
            out += u"\\f";
            break;
        default:
            if (u < 0x20) {
                out += u"\\u00";
                out += QChar(kHex[u >> 4]);
                out += QChar(kHex[u & 0xf]);
            } else {
                out += c;
            }
        }
    }
    out += u'"';
}

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
    if (!value.isValid() || value.isNull())
        m_out += u"null";
    else
        appendJsonString(m_out, value.toString());
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
    const QString text = value.isValid() && !value.isNull() ? value.toString() : QString();
    m_out += text.isEmpty() ? QStringLiteral("null") : text;
}

QJsonArray readPackedNodeStates(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

} // namespace hm::engine::persistence
