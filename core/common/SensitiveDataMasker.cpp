#include "common/SensitiveDataMasker.h"

#include <QRegularExpression>
#include <algorithm>
#include <array>
#include <optional>

namespace hm {
namespace {

constexpr std::array<QStringView, 16> kSensitiveKeys = {
    u"password",    u"passwd",        u"pwd",          u"secret", u"token",
    u"accesstoken", u"bearertoken",   u"refreshtoken", u"apikey", u"api_key",
    u"secretkey",   u"authorization", u"credential",   u"auth",   u"connectionstring",
    u"dbpassword",
};

constexpr char16_t asciiLower(char16_t c)
{
    return c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c;
}

QString maskScalar(const QJsonValue &value)
{
    if (value.isString())
        return SensitiveDataMasker::maskValue(value.toString());
    return QStringLiteral("****");
}

} // namespace

// Bit n is set when a key above has n characters.
constexpr quint32 kKeyLengths = [] {
    quint32 lengths = 0;
    for (QStringView key : kSensitiveKeys)
        lengths |= quint32(1) << key.size();
    return lengths;
}();
static_assert(kKeyLengths != 0 && kKeyLengths < (quint32(1) << 31), "keys must be 1-30 long");

bool SensitiveDataMasker::isSensitiveKey(QStringView key)
{
    // Asked for every key of every node's inputs and outputs the history
    // keeps, nearly always with a harmless key: most fail on their length
    // alone, the rest on an ASCII compare (Qt's case-insensitive compare
    // costs about 110 instructions a key). ASCII letters fold like ASCII,
    // so an ASCII mismatch settles a candidate; a key with any other
    // character ("ſecret" folds to "secret") takes the full compare.
    const qsizetype n = key.size();
    if (n >= 31 || !((kKeyLengths >> n) & 1))
        return false;
    for (QStringView candidate : kSensitiveKeys) {
        if (candidate.size() != n)
            continue;
        qsizetype i = 0;
        for (; i < n; ++i) {
            const char16_t c = key[i].unicode();
            if (c >= 0x80)
                return isSensitiveKeyByCompare(key);
            if (asciiLower(c) != candidate[i].unicode())
                break;
        }
        if (i == n)
            return true;
    }
    return false;
}

bool SensitiveDataMasker::isSensitiveKeyByCompare(QStringView key)
{
    return std::any_of(kSensitiveKeys.begin(), kSensitiveKeys.end(), [key](QStringView candidate) {
        return key.size() == candidate.size() && key.compare(candidate, Qt::CaseInsensitive) == 0;
    });
}

QString SensitiveDataMasker::maskValue(const QString &value)
{
    // Already masked ("ab****yz...", what the lines below make of anything
    // of 8 characters or more): kept, so a value masked twice (a log line
    // the log component masked, masked again when stored or written out)
    // still reads as the first masking left it. It shows nothing the mask
    // would not.
    if (value.size() == 11 && QStringView(value).sliced(2, 4) == u"****" && value.endsWith(u"..."))
        return value;
    if (value.size() < 8)
        return QStringLiteral("****");
    const qsizetype show = std::min<qsizetype>(2, value.size() / 4);
    return value.left(show) + QStringLiteral("****") + value.right(show) + QStringLiteral("...");
}

// Copy on the first change: most values hold nothing sensitive and come
// back as they are (implicitly shared, not rebuilt), which matters on the
// engine's hot path (every node's inputs and outputs are masked).
namespace {

std::optional<QJsonObject> maskedObject(const QJsonObject &object);
std::optional<QJsonArray> maskedArray(const QJsonArray &array);

// nullopt when nothing inside `value` needs masking.
std::optional<QJsonValue> maskedNested(const QJsonValue &value)
{
    if (value.isObject()) {
        if (std::optional<QJsonObject> inner = maskedObject(value.toObject()))
            return QJsonValue(*inner);
    } else if (value.isArray()) {
        if (std::optional<QJsonArray> inner = maskedArray(value.toArray()))
            return QJsonValue(*inner);
    }
    return std::nullopt;
}

std::optional<QJsonObject> maskedObject(const QJsonObject &object)
{
    std::optional<QJsonObject> masked;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QJsonValue value = it.value();
        std::optional<QJsonValue> replacement;
        // A sensitive key hides its whole value, even a nested object: a
        // "credential" object is secret through and through.
        if (SensitiveDataMasker::isSensitiveKey(it.key()) && !value.isNull())
            replacement = value.isObject() || value.isArray() ? QJsonValue(QStringLiteral("****"))
                                                              : QJsonValue(maskScalar(value));
        else
            replacement = maskedNested(value);
        if (!replacement)
            continue;
        if (!masked)
            masked = object;
        masked->insert(it.key(), *replacement);
    }
    return masked;
}

std::optional<QJsonArray> maskedArray(const QJsonArray &array)
{
    std::optional<QJsonArray> masked;
    for (qsizetype i = 0; i < array.size(); ++i) {
        std::optional<QJsonValue> replacement = maskedNested(array.at(i));
        if (!replacement)
            continue;
        if (!masked)
            masked = array;
        masked->replace(i, *replacement);
    }
    return masked;
}

} // namespace

QJsonValue SensitiveDataMasker::mask(const QJsonValue &value)
{
    return maskedNested(value).value_or(value);
}

QJsonObject SensitiveDataMasker::mask(const QJsonObject &object)
{
    return maskedObject(object).value_or(object);
}

QJsonArray SensitiveDataMasker::mask(const QJsonArray &array)
{
    return maskedArray(array).value_or(array);
}

QList<QStringView> SensitiveDataMasker::sensitiveKeys()
{
    return QList<QStringView>(kSensitiveKeys.begin(), kSensitiveKeys.end());
}

bool SensitiveDataMasker::mayHoldSensitiveKey(QStringView text)
{
    // Every key contains one of these stems (TestLogging holds the list
    // against kSensitiveKeys). Looked for at each letter that can start
    // one, so a line costs about one switch per character: the regular
    // expression below costs ~7k instructions per log line, and most lines
    // (access lines, a node's "GET http://host:port/path -> 200") name
    // no key at all.
    static constexpr QStringView stemsP[] = {u"pass", u"pwd"};
    static constexpr QStringView stemsS[] = {u"secret"};
    static constexpr QStringView stemsT[] = {u"token"};
    static constexpr QStringView stemsA[] = {u"apikey", u"api_key", u"auth"};
    static constexpr QStringView stemsC[] = {u"credential", u"connectionstring"};
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = asciiLower(text[i].unicode());
        const QStringView *begin = nullptr;
        const QStringView *end = nullptr;
        switch (c) {
        case u'p':
            begin = std::begin(stemsP), end = std::end(stemsP);
            break;
        case u's':
            begin = std::begin(stemsS), end = std::end(stemsS);
            break;
        case u't':
            begin = std::begin(stemsT), end = std::end(stemsT);
            break;
        case u'a':
            begin = std::begin(stemsA), end = std::end(stemsA);
            break;
        case u'c':
            begin = std::begin(stemsC), end = std::end(stemsC);
            break;
        default:
            continue;
        }
        // ASCII only: the pattern's keys are [A-Za-z_]+, so a key that
        // can be masked is ASCII in the text too.
        for (const QStringView *stem = begin; stem != end; ++stem) {
            if (n - i < stem->size())
                continue;
            qsizetype k = 1;
            while (k < stem->size() && asciiLower(text[i + k].unicode()) == (*stem)[k].unicode())
                ++k;
            if (k == stem->size())
                return true;
        }
    }
    return false;
}

QString SensitiveDataMasker::maskText(const QString &text)
{
    // Every pattern below needs a ':' or '=' between key and value: text
    // with neither (an access log line "GET /api/v1/health 200") cannot hold
    // a maskable pair, and skipping the regular expression matters on the
    // logging hot path. Nor can text without a key's stem.
    if (!text.contains(u':') && !text.contains(u'='))
        return text;
    if (!mayHoldSensitiveKey(text))
        return text;
    return maskTextByPattern(text);
}

QString SensitiveDataMasker::maskTextByPattern(const QString &text)
{
    // "key":"value"  |  key=value  |  key: value   (value up to a delimiter)
    static const QRegularExpression pattern(QStringLiteral(
        R"((["']?)\b([A-Za-z_]+)\1(\s*[:=]\s*)(["']?)((?:Bearer\s+|Basic\s+)?[^\s"',;&}]+)\4)"));
    QString result;
    result.reserve(text.size());
    qsizetype last = 0;
    qsizetype from = 0;
    for (;;) {
        const QRegularExpressionMatch match = pattern.match(text, from);
        if (!match.hasMatch())
            break;
        if (!isSensitiveKey(match.capturedView(2))) {
            // Searched again from just after the separator: the value of a
            // harmless key may hold the pair that matters ("url: http://h/
            // x?api_key=..." reads as key "url", then key "http" with the
            // rest of the URL as its value).
            from = match.capturedEnd(3);
            continue;
        }
        result += QStringView(text).mid(last, match.capturedStart(5) - last);
        result += maskValue(match.captured(5));
        last = from = match.capturedEnd(5);
    }
    result += QStringView(text).mid(last);
    return result;
}

} // namespace hm
