#include "common/JsonText.h"

#include "common/SensitiveDataMasker.h"

#include <QByteArray>
#include <array>
#include <iterator>

namespace hm::json {

namespace {

constexpr char16_t kHex[] = u"0123456789abcdef";

void appendUnicodeEscape(TextBuffer &out, char16_t u)
{
    const char16_t escape[] = {
        u'\\',        u'u', kHex[(u >> 12) & 0xf], kHex[(u >> 8) & 0xf], kHex[(u >> 4) & 0xf],
        kHex[u & 0xf]};
    out.append(escape, 6);
}

// `value` is a QJsonValue or a QJsonValueConstRef (a member read in place).
template <typename Value> void appendNumber(TextBuffer &out, const Value &value)
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
    for (const char c : QByteArray::number(d, 'g', QLocale::FloatingPointShortest))
        out += char16_t(uchar(c));
}

// The ASCII characters a JSON string holds as they are: printable, not a
// quote nor a backslash. A table: one load per character of a key or an id
// instead of four compares.
constexpr std::array<bool, 128> kPlainAscii = [] {
    std::array<bool, 128> plain{};
    for (char16_t c = 0x20; c < 128; ++c)
        plain[c] = c != u'"' && c != u'\\';
    return plain;
}();

// A character copied as it is (lone surrogates are escaped, pairs copied).
inline bool isPlain(char16_t u)
{
    return u < 128 ? kPlainAscii[u] : !QChar::isSurrogate(u);
}

// Where the QString entry points write first: one QString append per call.
TextBuffer &scratch()
{
    thread_local TextBuffer buffer;
    buffer.clear();
    return buffer;
}

void appendScratch(QString &out, TextBuffer &buffer)
{
    out += buffer.view();
    buffer.shrink(1024 * 1024);
}

// What SensitiveDataMasker puts in place of a sensitive key's value.
QJsonValue maskedSecret(const QJsonValue &value)
{
    if (value.isString())
        return SensitiveDataMasker::maskValue(value.toString());
    return QStringLiteral("****");
}

} // namespace

void appendString(TextBuffer &out, QStringView text)
{
    out += u'"';
    const char16_t *src = text.utf16();
    const char16_t *const end = src + text.size();
    const char16_t *plain = src; // start of the run copied as it is
    auto flush = [&](const char16_t *upTo) {
        if (upTo != plain)
            out.append(plain, upTo - plain);
    };
    while (src != end) {
        const char16_t u = *src;
        if (isPlain(u)) {
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

void appendString(QString &out, QStringView text)
{
    TextBuffer &buffer = scratch();
    appendString(buffer, text);
    appendScratch(out, buffer);
}

void appendInteger(TextBuffer &out, qint64 value)
{
    // Without QString::number's temporary string: history texts hold many
    // small numbers (times, attempts, counters).
    char16_t digits[21]; // 19 digits and a sign at most
    char16_t *const end = digits + std::size(digits);
    char16_t *first = end;
    // Through the unsigned magnitude, so the most negative value works too.
    quint64 magnitude = value < 0 ? 0 - quint64(value) : quint64(value);
    do {
        *--first = char16_t(u'0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (value < 0)
        *--first = u'-';
    out.append(first, end - first);
}

void appendInteger(QString &out, qint64 value)
{
    TextBuffer &buffer = scratch();
    appendInteger(buffer, value);
    appendScratch(out, buffer);
}

void appendCompact(TextBuffer &out, const QJsonValue &value, Secrets secrets)
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

void appendCompact(TextBuffer &out, const QJsonObject &object, Secrets secrets)
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
        // Scalars are read in place: a QJsonValue of each member (what
        // it.value() converts to) costs a call and a reference count on the
        // object's storage, a third of the work for a small number.
        const QJsonValueConstRef member = *it;
        const QJsonValue::Type type = member.type();
        // A sensitive key hides its whole value, even a nested object.
        if (secrets == Secrets::Mask && type != QJsonValue::Null &&
            SensitiveDataMasker::isSensitiveKey(key)) {
            appendCompact(out, maskedSecret(member), Secrets::Keep);
            continue;
        }
        switch (type) {
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            out += u"null";
            break;
        case QJsonValue::Bool:
            out += member.toBool() ? u"true" : u"false";
            break;
        case QJsonValue::Double:
            appendNumber(out, member);
            break;
        case QJsonValue::String:
        case QJsonValue::Array:
        case QJsonValue::Object:
            appendCompact(out, QJsonValue(member), secrets);
            break;
        }
    }
    out += u'}';
}

void appendCompact(TextBuffer &out, const QJsonArray &array, Secrets secrets)
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

void appendCompact(QString &out, const QJsonValue &value, Secrets secrets)
{
    TextBuffer &buffer = scratch();
    appendCompact(buffer, value, secrets);
    appendScratch(out, buffer);
}

void appendCompact(QString &out, const QJsonObject &object, Secrets secrets)
{
    TextBuffer &buffer = scratch();
    appendCompact(buffer, object, secrets);
    appendScratch(out, buffer);
}

void appendCompact(QString &out, const QJsonArray &array, Secrets secrets)
{
    TextBuffer &buffer = scratch();
    appendCompact(buffer, array, secrets);
    appendScratch(out, buffer);
}

QString compact(const QJsonObject &object, Secrets secrets)
{
    TextBuffer &buffer = scratch();
    appendCompact(buffer, object, secrets);
    QString out = buffer.toString();
    buffer.shrink(1024 * 1024);
    return out;
}

} // namespace hm::json
