#include "common/JsonText.h"

#include "common/SensitiveDataMasker.h"

#include <QByteArray>
#include <iterator>

namespace hm::json {

namespace {

constexpr char16_t kHex[] = u"0123456789abcdef";

void appendUnicodeEscape(QString &out, char16_t u)
{
    const char16_t escape[] = {
        u'\\',        u'u', kHex[(u >> 12) & 0xf], kHex[(u >> 8) & 0xf], kHex[(u >> 4) & 0xf],
        kHex[u & 0xf]};
    out.append(reinterpret_cast<const QChar *>(escape), 6);
}

void appendNumber(QString &out, const QJsonValue &value)
{
    const double d = value.toDouble();
    if (!qIsFinite(d)) {
        out += u"null"; // as Qt: JSON has no NaN or infinities
        return;
    }
    // Qt keeps integral numbers as 64-bit integers and writes them in full;
    // toInteger() answers the default only for anything else.
    const qint64 asInteger = value.toInteger(0);
    if (asInteger == value.toInteger(1)) {
        appendInteger(out, asInteger);
        return;
    }
    out += QLatin1StringView(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
}

// What SensitiveDataMasker puts in place of a sensitive key's value.
QJsonValue maskedSecret(const QJsonValue &value)
{
    if (value.isString())
        return SensitiveDataMasker::maskValue(value.toString());
    return QStringLiteral("****");
}

} // namespace

void appendString(QString &out, QStringView text)
{
    out.reserve(out.size() + text.size() + 2);
    out += u'"';
    const char16_t *src = text.utf16();
    const char16_t *const end = src + text.size();
    const char16_t *plain = src; // start of the run copied as it is
    auto flush = [&](const char16_t *upTo) {
        if (upTo != plain)
            out.append(reinterpret_cast<const QChar *>(plain), upTo - plain);
    };
    while (src != end) {
        const char16_t u = *src;
        if (u >= 0x20 && u != u'"' && u != u'\\' && !QChar::isSurrogate(u)) {
            ++src;
            continue;
        }
        if (QChar::isHighSurrogate(u) && src + 1 != end && QChar::isLowSurrogate(src[1])) {
            src += 2; // a valid pair is copied (UTF-8 encodes it)
            continue;
        }
        flush(src);
        switch (u) {
        case u'"':
            out += u"\\\"";
            break;
        case u'\\':
            out += u"\\\\";
            break;
        case u'\b':
            out += u"\\b";
            break;
        case u'\f':
            out += u"\\f";
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
        default: // other control characters and lone surrogates
            appendUnicodeEscape(out, u);
        }
        plain = ++src;
    }
    flush(src);
    out += u'"';
}

void appendInteger(QString &out, qint64 value)
{
    // Without QString::number's temporary string: history texts hold many
    // small numbers (times, attempts, counters).
    char16_t digits[20];
    char16_t *const end = digits + std::size(digits);
    char16_t *first = end;
    // Through the unsigned magnitude, so the most negative value works too.
    quint64 magnitude = value < 0 ? 0 - quint64(value) : quint64(value);
    do {
        *--first = char16_t(u'0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (value < 0)
        out += u'-';
    out.append(reinterpret_cast<const QChar *>(first), end - first);
}

void appendCompact(QString &out, const QJsonValue &value, Secrets secrets)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += u"null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? u"true" : u"false";
        break;
    case QJsonValue::Double:
        appendNumber(out, value);
        break;
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Array:
        appendCompact(out, value.toArray(), secrets);
        break;
    case QJsonValue::Object:
        appendCompact(out, value.toObject(), secrets);
        break;
    }
}

void appendCompact(QString &out, const QJsonObject &object, Secrets secrets)
{
    out += u'{';
    bool first = true;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!first)
            out += u',';
        first = false;
        // Once: every key() call makes a QString from Qt's storage.
        const QString key = it.key();
        appendString(out, key);
        out += u':';
        const QJsonValue value = it.value();
        // A sensitive key hides its whole value, even a nested object.
        if (secrets == Secrets::Mask && !value.isNull() && SensitiveDataMasker::isSensitiveKey(key))
            appendCompact(out, maskedSecret(value), Secrets::Keep);
        else
            appendCompact(out, value, secrets);
    }
    out += u'}';
}

void appendCompact(QString &out, const QJsonArray &array, Secrets secrets)
{
    out += u'[';
    bool first = true;
    for (const QJsonValue &value : array) {
        if (!first)
            out += u',';
        first = false;
        appendCompact(out, value, secrets);
    }
    out += u']';
}

QString compact(const QJsonObject &object, Secrets secrets)
{
    QString out;
    appendCompact(out, object, secrets);
    return out;
}

} // namespace hm::json
